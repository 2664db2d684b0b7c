using System.Text;

namespace Gamgyul.Bench;

/// <summary>
/// Reproducible Korean-first posts and queries about tangerines, Jeju, farming and daily life: realistic
/// enough for the n-gram features (syllables, particles, mixed Latin) to cost what real text costs.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    private static readonly string[] Nouns =
    [
        "감귤", "귤", "한라봉", "천혜향", "레드향", "제주", "제주도", "농장", "과수원", "수확", "택배", "선물세트", "박스",
        "당도", "비타민", "서귀포", "애월", "오름", "바다", "카페", "일상", "주말", "산책", "가족", "아이들", "체험",
        "유기농", "무농약", "비가림", "하우스", "노지", "껍질", "주스", "잼", "마켓", "판매", "주문", "배송", "후기",
    ];

    private static readonly string[] Particles = ["", "", "은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "에서"];

    private static readonly string[] Predicates =
    [
        "맛있어요", "판매합니다", "보냈어요", "다녀왔어요", "추천합니다", "궁금해요", "좋아요", "달아요", "시작했어요", "문의드립니다",
    ];

    private static readonly string[] Latin = ["Jeju", "tangerine", "organic", "5kg", "10kg", "gift", "farm", "cafe", "vlog"];

    private readonly Random _random = new(seed);

    public string Document()
    {
        var builder = new StringBuilder();
        var words = _random.Next(6, 22);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var roll = _random.Next(10);
            if (roll == 0)
            {
                builder.Append(Latin[_random.Next(Latin.Length)]);
            }
            else if (roll == 1)
            {
                builder.Append(Predicates[_random.Next(Predicates.Length)]);
            }
            else
            {
                builder.Append(Nouns[_random.Next(Nouns.Length)]).Append(Particles[_random.Next(Particles.Length)]);
            }
        }

        return builder.ToString();
    }

    public string Query() => _random.Next(3) switch
    {
        0 => Nouns[_random.Next(Nouns.Length)],
        1 => Nouns[_random.Next(Nouns.Length)] + " " + Nouns[_random.Next(Nouns.Length)],
        _ => Nouns[_random.Next(Nouns.Length)] + Nouns[_random.Next(Nouns.Length)], // 띄어쓰기 omitted
    };
}
