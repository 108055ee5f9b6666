namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 22, the fused best recipe: what it needs and cannot do without is refused before anything is read or written,
/// with one line saying what to give.
/// </summary>
[TestClass]
public sealed class FusedRecipeFaultTests
{
    [TestMethod]
    public void Best_WithoutWordVectors_IsAUsageError_SayingHowToMakeThem()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run(Train(fault, "--recipe", "best"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--recipe best", "imdb-sentiment vectors", "--word-vectors vectors.vec");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Unlabelled_WithARecipeThatIsNotFused_IsAUsageError()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run(Train(fault, "--unlabelled"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--unlabelled needs a fused recipe (--recipe best)");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Unlabelled_FromAFileThatIsNotAclImdb_FailsNamingTheFile()
    {
        using var fault = new FaultCase();
        var vectors = fault.Input("v.vec", "2 4\nthe 1 2 3 4\nmovie 4 3 2 1\n");

        var outcome = fault.Run(Train(fault, "--recipe", "best", "--word-vectors", vectors, "--unlabelled"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--unlabelled reads the train/unsup/ reviews of an aclImdb folder or archive", "reviews.tsv");
        fault.AssertOnlyLeft();
    }

    private static string[] Train(FaultCase fault, params string[] flags)
    {
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 12));
        return ["train", "--dataset", dataset, "--epochs", "1", .. flags, "--output", fault.PathOf("out/never.zip")];
    }
}
