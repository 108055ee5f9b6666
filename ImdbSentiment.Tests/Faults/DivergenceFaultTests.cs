namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 8 (training): a non-finite setting is refused before any data is read, naming its flag; a run whose
/// loss stops being a number ends with one error line and writes no model, whether the initialisation guard is on or off.
/// </summary>
[TestClass]
public sealed class DivergenceFaultTests
{
    [TestMethod]
    [DataRow("--learning-rate", "Infinity")]
    [DataRow("--learning-rate", "NaN")]
    [DataRow("--ngram-learning-rate", "Infinity")]
    [DataRow("--ngram-weight-decay", "Infinity")]
    [DataRow("--min-delta", "Infinity")]
    [DataRow("--dropout", "NaN")]
    [DataRow("--ngram-dropout", "-Infinity")]
    [DataRow("--clip-norm", "Infinity")]
    [DataRow("--validation-fraction", "NaN")]
    public void Train_ANonFiniteSetting_IsAUsageError_NamingTheFlag(string flag, string value)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(100, seed: 31));

        var outcome = fault.Run("train", "--dataset", dataset, "--vocab-size", "20", "--max-length", "10", "--epochs", "1", flag, value, "--output", fault.PathOf("out/never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, flag);
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("3")]
    public void Train_ALossThatIsNoLongerANumber_StopsWithOneErrorLine_AndNoModel(string initTrials)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", SyntheticReviews.Tsv(200, seed: 32));

        var outcome = fault.Run(
            "train", "--dataset", dataset, "--vocab-size", "30", "--max-length", "10", "--epochs", "2", "--trial-epochs", "1", "--init-trials", initTrials,
            "--learning-rate", "1e30", "--output", fault.PathOf("out/never.zip"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "diverged", "--learning-rate");
        fault.AssertOnlyLeft();
    }
}
