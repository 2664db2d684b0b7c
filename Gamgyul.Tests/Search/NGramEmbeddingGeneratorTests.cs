using System.Numerics.Tensors;
using System.Text;
using Gamgyul.Search.Embeddings;
using Microsoft.Extensions.AI;

namespace Gamgyul.Tests.Search;

public sealed class NGramEmbeddingGeneratorTests
{
    private readonly NGramEmbeddingGenerator _embedder = new();

    private float Similarity(string a, string b)
    {
        Span<float> x = stackalloc float[_embedder.Dimensions];
        Span<float> y = stackalloc float[_embedder.Dimensions];
        _embedder.Embed(a, x);
        _embedder.Embed(b, y);
        return TensorPrimitives.Dot(x, y);
    }

    /// <summary>The candidates ordered by similarity to <paramref name="query"/>, nearest first.</summary>
    private string[] Rank(string query, params string[] candidates) =>
        [.. candidates.OrderByDescending(c => Similarity(query, c))];

    [Fact]
    public async Task Same_text_gives_the_same_unit_vector_in_every_instance()
    {
        using var other = new NGramEmbeddingGenerator();
        var first = await _embedder.GenerateVectorAsync("제주 감귤 10kg 한 박스");
        var second = await other.GenerateVectorAsync("제주 감귤 10kg 한 박스");

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(384, first.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(first.Span), 4);
    }

    [Fact]
    public void Texts_sharing_a_word_are_closer_than_unrelated_texts()
    {
        var ranked = Rank("제주 감귤", "서울 지하철 노선도", "자동차 엔진 오일 교체", "감귤 판매합니다", "제주 바다 구경");

        Assert.Equal(["감귤 판매합니다", "제주 바다 구경"], ranked[..2].Order(StringComparer.Ordinal));
        Assert.True(Similarity("제주 감귤", "감귤 판매") > 0.3f);
        Assert.True(Similarity("제주 감귤", "서울 지하철 노선도") < 0.1f);
    }

    [Fact]
    public void A_word_part_matches_the_longer_word_that_contains_it()
    {
        Assert.Equal("감귤", Rank("귤", "사과", "감귤", "포도", "배추")[0]);
        Assert.Equal("한라봉 선물세트", Rank("한라봉", "천혜향 선물세트", "한라봉 선물세트", "레드향 선물세트")[0]);
        Assert.True(Similarity("귤", "감귤") > Similarity("귤", "사과") + 0.2f);
    }

    [Fact]
    public void Particles_and_endings_do_not_hide_the_word()
    {
        Assert.Equal("감귤은 달고 맛있어요", Rank("감귤", "사과는 달고 맛있어요", "감귤은 달고 맛있어요", "배는 달고 맛있어요")[0]);
        Assert.Equal("귤을 샀어요", Rank("귤이 맛있다", "책을 샀어요", "귤을 샀어요", "옷을 샀어요")[0]);
    }

    [Fact]
    public void Spacing_differences_barely_matter()
    {
        Assert.True(Similarity("제주감귤", "제주 감귤") > 0.7f);
        Assert.True(Similarity("감귤 농장 체험", "감귤농장체험") > 0.6f);
        Assert.Equal("제주 감귤 농장", Rank("제주감귤농장", "제주 감귤 농장", "제주 흑돼지 맛집", "서울 감자 농장")[0]);
    }

    [Fact]
    public void A_one_letter_typo_stays_close_to_the_intended_word()
    {
        // 귤 → 균 (one final consonant), 한라봉 → 한나봉 (one initial consonant), a missing syllable.
        Assert.Equal("감귤 따기 체험", Rank("감균 따기", "감귤 따기 체험", "딸기 따기 체험", "감자 캐기 체험")[0]);
        Assert.Equal("한라봉", Rank("한나봉", "한라산", "한라봉", "천혜향")[0]);
        Assert.Equal("유기농 감귤", Rank("유기 감귤", "유기농 감귤", "무농약 사과", "유기견 보호소")[0]);
    }

    [Fact]
    public void Latin_words_match_across_case_plurals_and_typos()
    {
        Assert.Equal("Fresh TANGERINES from Jeju", Rank("tangerine", "Fresh TANGERINES from Jeju", "orange juice", "tractor parts")[0]);
        Assert.True(Similarity("tangerine", "tangerin") > 0.5f);
        Assert.Equal("jeju island", Rank("Jeju", "seoul tower", "jeju island", "busan port")[0]);
    }

    [Fact]
    public void Mixed_script_text_matches_on_both_scripts()
    {
        Assert.Equal("제주 감귤 tangerine 5kg", Rank("감귤 tangerine", "제주 감귤 tangerine 5kg", "tangerine juice", "제주 흑돼지")[0]);
    }

    [Fact]
    public void Decomposed_and_compatibility_jamo_input_embed_like_composed_text()
    {
        var composed = "제주 감귤";
        Assert.Equal(1f, Similarity(composed, composed.Normalize(NormalizationForm.FormD)), 4);
        Assert.Equal(1f, Similarity("ＪＥＪＵ", "jeju"), 4);
        Assert.True(Similarity("ㄱ", "ㄱㄱ") > 0.3f);
    }

    [Fact]
    public void Text_without_letters_gives_the_zero_vector()
    {
        Span<float> vector = stackalloc float[_embedder.Dimensions];
        _embedder.Embed("   !!! ... ", vector);
        Assert.Equal(0f, TensorPrimitives.Norm(vector));
        _embedder.Embed(null, vector);
        Assert.Equal(0f, TensorPrimitives.Norm(vector));
    }

    [Fact]
    public async Task Generates_one_embedding_per_input_with_model_id_and_metadata()
    {
        using var embedder = new NGramEmbeddingGenerator(dimensions: 128);
        var embeddings = await embedder.GenerateAsync(["감귤", "", "tangerine"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(128, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal("ngram-v1-128", e.ModelId));
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("ngram-v1-128", metadata?.DefaultModelId);
        Assert.Equal(128, metadata?.DefaultModelDimensions);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            embedder.GenerateAsync(["감귤"], new EmbeddingGenerationOptions { Dimensions = 64 }));
    }

    [Fact]
    public void Very_long_words_and_texts_are_embedded_without_failure()
    {
        var longWord = string.Concat(Enumerable.Repeat("감귤", 500));
        var longLatin = new string('a', 1000);
        Assert.True(Similarity(longWord, "감귤") > 0.1f);
        Assert.True(Similarity(longLatin + " " + longWord, "감귤") > 0.05f);
    }
}
