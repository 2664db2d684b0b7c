using Gamgyul.Search.Ranking;

namespace Gamgyul.Tests.Search;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Scores_are_the_sum_of_weighted_reciprocal_ranks()
    {
        var fusion = new ReciprocalRankFusion(k: 60);

        var fused = fusion.Fuse(["a", "b", "c"], ["c", "a", "d"]);

        var a = fused.Single(f => f.Key == "a");
        Assert.Equal(1.0 / 61 + 1.0 / 62, a.Score, 12);
        Assert.Equal((1, 2), (a.LexicalRank, a.VectorRank));
        var d = fused.Single(f => f.Key == "d");
        Assert.Equal(1.0 / 63, d.Score, 12);
        Assert.Equal((null, 3), (d.LexicalRank, d.VectorRank));
    }

    [Fact]
    public void Agreement_between_the_rankings_beats_a_single_top_rank()
    {
        var fused = new ReciprocalRankFusion().Fuse(["solo-lexical", "both"], ["solo-vector", "both"]);

        Assert.Equal("both", fused[0].Key);
        Assert.Equal(3, fused.Count);
    }

    [Fact]
    public void A_small_k_lets_a_single_top_rank_win_over_agreement_lower_down()
    {
        var lexical = new[] { "top", "x1", "x2", "shared" };
        var vector = new[] { "y1", "y2", "y3", "shared" };

        Assert.Equal("shared", new ReciprocalRankFusion(k: 60).Fuse(lexical, vector)[0].Key);
        Assert.Equal("top", new ReciprocalRankFusion(k: 0).Fuse(lexical, vector)[0].Key);
    }

    [Fact]
    public void Weights_favour_one_ranking()
    {
        var lexicalFirst = new ReciprocalRankFusion(60, lexicalWeight: 2, vectorWeight: 1).Fuse(["l"], ["v"]);
        var vectorFirst = new ReciprocalRankFusion(60, lexicalWeight: 1, vectorWeight: 2).Fuse(["l"], ["v"]);

        Assert.Equal(["l", "v"], lexicalFirst.Select(f => f.Key));
        Assert.Equal(["v", "l"], vectorFirst.Select(f => f.Key));
    }

    [Fact]
    public void Ties_are_broken_by_best_rank_then_lexical_rank_then_first_appearance()
    {
        var fusion = new ReciprocalRankFusion(k: 60);

        // Same score (each appears once at rank 1): the lexical one goes first.
        Assert.Equal(["lex", "vec"], fusion.Fuse(["lex"], ["vec"]).Select(f => f.Key));
        // Same score and same ranks in mirrored lists: the better single rank wins, then the lexical rank.
        var mirrored = fusion.Fuse(["a", "b"], ["b", "a"]);
        Assert.Equal(["a", "b"], mirrored.Select(f => f.Key));
        Assert.Equal(mirrored[0].Score, mirrored[1].Score, 12);
    }

    [Fact]
    public void Duplicates_within_a_ranking_count_once_at_their_best_rank()
    {
        var fused = new ReciprocalRankFusion(k: 60).Fuse(["a", "a", "b"], ["b", "b"]);

        Assert.Equal(2, fused.Count);
        Assert.Equal(1.0 / 61, fused.Single(f => f.Key == "a").Score, 12);
        Assert.Equal(1.0 / 63 + 1.0 / 61, fused.Single(f => f.Key == "b").Score, 12);
    }

    [Fact]
    public void Empty_rankings_fuse_to_the_other_ranking_in_its_order()
    {
        var fusion = new ReciprocalRankFusion();

        Assert.Empty(fusion.Fuse(Array.Empty<Guid>(), Array.Empty<Guid>()));
        Assert.Equal(["x", "y", "z"], fusion.Fuse([], ["x", "y", "z"]).Select(f => f.Key));
        Assert.Equal(["x", "y", "z"], fusion.Fuse(["x", "y", "z"], []).Select(f => f.Key));
    }

    [Fact]
    public void Options_configure_k_and_weights_and_invalid_values_are_rejected()
    {
        var fusion = new ReciprocalRankFusion(new FusionOptions { K = 10, LexicalWeight = 0.5, VectorWeight = 3 });

        Assert.Equal((10, 0.5, 3.0), (fusion.K, fusion.LexicalWeight, fusion.VectorWeight));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReciprocalRankFusion(k: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReciprocalRankFusion(60, lexicalWeight: -1));
    }
}
