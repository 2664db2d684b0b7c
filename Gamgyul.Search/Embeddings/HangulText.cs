namespace Gamgyul.Search.Embeddings;

/// <summary>
/// Hangul arithmetic from the Unicode standard (chapter 3.12): a precomposed syllable is
/// 0xAC00 + (lead × 21 + vowel) × 28 + tail, so it splits into its jamo without any table.
/// </summary>
internal static class HangulText
{
    private const int SyllableBase = 0xAC00;
    private const int SyllableCount = 11172;
    private const int LeadBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TailBase = 0x11A7;
    private const int VowelCount = 21;
    private const int TailCount = 28;

    public static bool IsSyllable(char c) => (uint)(c - SyllableBase) < SyllableCount;

    /// <summary>Conjoining (U+1100–U+11FF) or compatibility (U+3130–U+318F) jamo.</summary>
    public static bool IsJamo(char c) => (uint)(c - 0x1100) < 0x100 || (uint)(c - 0x3130) < 0x60;

    public static bool IsHangul(char c) => IsSyllable(c) || IsJamo(c);

    /// <summary>
    /// Writes the jamo of <paramref name="c"/> (two or three for a syllable, the character itself otherwise)
    /// and returns how many were written.
    /// </summary>
    public static int Decompose(char c, Span<char> destination)
    {
        if (!IsSyllable(c))
        {
            destination[0] = c;
            return 1;
        }

        var index = c - SyllableBase;
        var tail = index % TailCount;
        var leadVowel = index / TailCount;
        destination[0] = (char)(LeadBase + leadVowel / VowelCount);
        destination[1] = (char)(VowelBase + leadVowel % VowelCount);
        if (tail == 0)
        {
            return 2;
        }

        destination[2] = (char)(TailBase + tail);
        return 3;
    }
}
