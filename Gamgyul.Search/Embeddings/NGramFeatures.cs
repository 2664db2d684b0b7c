namespace Gamgyul.Search.Embeddings;

/// <summary>
/// Turns text into hashed character n-gram features ("feature hashing"), added into a fixed-size vector.
/// Korean is written in words (어절) that glue particles and endings onto a stem and are spaced loosely, so
/// whole-word matching alone fails; syllable unigrams and bigrams match shared word parts ("귤" in "감귤"),
/// bigrams across a space make "제주감귤" and "제주 감귤" alike, and jamo trigrams survive a one-letter typo
/// or a different final consonant. Latin words add the word and its character trigrams.
/// </summary>
internal static class NGramFeatures
{
    // Each family hashes with its own seed, so equal characters in different roles are different features.
    private const ulong SyllableSeed = 0x9E3779B97F4A7C15;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong WordSeed = 0x165667B19E3779F9;
    private const ulong JamoSeed = 0x27D4EB2F165667C5;
    private const ulong LatinWordSeed = 0x85EBCA77C2B2AE63;
    private const ulong LatinGramSeed = 0xFF51AFD7ED558CCD;

    private const float SyllableWeight = 1.0f;
    private const float BigramWeight = 1.0f;
    private const float CrossBigramWeight = 0.5f;
    private const float WordWeight = 1.0f;
    private const float JamoWeight = 0.4f;
    private const float LatinWordWeight = 1.0f;
    private const float LatinGramWeight = 0.6f;

    /// <summary>Longer words are cut into pieces of this size; it bounds the stack buffers.</summary>
    private const int MaxWord = 64;

    /// <summary>
    /// Particles (조사) and the commonest endings, longest first. A word also counts with the ending removed,
    /// so "감귤은", "감귤을" and "감귤" share a word feature. A wrong cut only adds one weak feature.
    /// </summary>
    private static readonly string[] Endings =
    [
        "했습니다", "합니다", "입니다", "했어요", "이에요", "에서는", "으로는", "에게서", "해요", "하는", "하고",
        "했다", "하다", "예요", "에요", "까지", "부터", "에서", "에게", "한테", "으로", "처럼", "보다", "이랑",
        "이나", "은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "와", "과", "만", "랑", "나",
    ];

    public static void Accumulate(ReadOnlySpan<char> text, Span<float> vector)
    {
        var previousHangul = '\0'; // last syllable of the previous Hangul word, while only spaces follow it
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (HangulText.IsHangul(c))
            {
                var start = i;
                while (i < text.Length && i - start < MaxWord && HangulText.IsHangul(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (previousHangul != '\0')
                {
                    Span<char> pair = [previousHangul, word[0]];
                    Add(vector, Hash(pair, BigramSeed), CrossBigramWeight);
                }

                AddHangulWord(word, vector);
                previousHangul = word[^1];
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && i - start < MaxWord && char.IsLetterOrDigit(text[i]) && !HangulText.IsHangul(text[i]))
                {
                    i++;
                }

                AddLatinWord(text[start..i], vector);
                previousHangul = '\0';
            }
            else
            {
                // Spaces keep two Hangul words adjacent (spacing varies); punctuation ends the phrase.
                if (!char.IsWhiteSpace(c))
                {
                    previousHangul = '\0';
                }

                i++;
            }
        }
    }

    private static void AddHangulWord(ReadOnlySpan<char> word, Span<float> vector)
    {
        for (var j = 0; j < word.Length; j++)
        {
            Add(vector, Hash(word.Slice(j, 1), SyllableSeed), SyllableWeight);
            if (j + 1 < word.Length)
            {
                Add(vector, Hash(word.Slice(j, 2), BigramSeed), BigramWeight);
            }
        }

        Add(vector, Hash(word, WordSeed), WordWeight);
        if (StemLength(word) is var stem and > 0)
        {
            Add(vector, Hash(word[..stem], WordSeed), WordWeight);
        }

        // '<' and '>' mark the word's edges, so a one-syllable word still yields trigrams.
        Span<char> jamo = stackalloc char[MaxWord * 3 + 2];
        var length = 0;
        jamo[length++] = '<';
        foreach (var syllable in word)
        {
            length += HangulText.Decompose(syllable, jamo[length..]);
        }

        jamo[length++] = '>';
        for (var j = 0; j + 3 <= length; j++)
        {
            Add(vector, Hash(jamo.Slice(j, 3), JamoSeed), JamoWeight);
        }
    }

    private static void AddLatinWord(ReadOnlySpan<char> word, Span<float> vector)
    {
        Span<char> lower = stackalloc char[MaxWord + 2];
        lower[0] = '<';
        word.ToLowerInvariant(lower[1..]);
        lower[word.Length + 1] = '>';
        var marked = lower[..(word.Length + 2)];

        Add(vector, Hash(marked, LatinWordSeed), LatinWordWeight);
        for (var j = 0; j + 3 <= marked.Length; j++)
        {
            Add(vector, Hash(marked.Slice(j, 3), LatinGramSeed), LatinGramWeight);
        }
    }

    /// <summary>The length of <paramref name="word"/> without its ending, or 0 when it has none to remove.</summary>
    internal static int StemLength(ReadOnlySpan<char> word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word.Length - ending.Length;
            }
        }

        return 0;
    }

    /// <summary>Signed feature hashing: the sign bit keeps collisions from adding up in one direction.</summary>
    private static void Add(Span<float> vector, ulong hash, float weight)
    {
        var index = (int)(((hash >> 32) * (ulong)(uint)vector.Length) >> 32);
        vector[index] += (hash & 1) == 0 ? weight : -weight;
    }

    /// <summary>FNV-1a over the UTF-16 code units, then a SplitMix64 finaliser to spread the bits.</summary>
    internal static ulong Hash(ReadOnlySpan<char> chars, ulong seed)
    {
        var hash = 0xCBF29CE484222325 ^ seed;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 0x100000001B3;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EB;
        return hash ^ (hash >> 31);
    }
}
