using System.Text.Json;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Faults;

/// <summary>Issue 10, item 1: score detects the header by the rule train and evaluate use, so no review is taken for a header.</summary>
[TestClass]
public sealed class HeaderDetectionFaultTests
{
    // The UCI imdb_labelled.txt shape: review<TAB>0|1, no header.
    private const string HeaderlessLabelledTsv = "A very, very slow-moving film.\t0\nLoved every minute of it.\t1\nNot worth the time.\t0\n";

    [TestMethod]
    public void Score_AHeaderlessLabelledFile_ScoresTheFirstReviewToo()
    {
        using var fault = new FaultCase();
        var input = fault.Input("imdb_labelled.txt", HeaderlessLabelledTsv);
        var output = fault.PathOf("scored.tsv");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output, "--text-col", "0");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Scored 3 rows");
        StringAssert.Contains(outcome.Output, "(no header row)");
        var records = ReadRecords(output, '\t');
        Assert.HasCount(3, records);
        CollectionAssert.AreEqual(new[] { "A very, very slow-moving film.", "0" }, records[0][..2]);
        fault.AssertOnlyLeft(output);
    }

    [TestMethod]
    public void Score_AHeaderlessLabelledFile_FindsTheTextBesideTheLabel_AsTrainDoes()
    {
        using var fault = new FaultCase();
        var input = fault.Input("imdb_labelled.txt", HeaderlessLabelledTsv);
        var output = fault.PathOf("scored.tsv");

        var scored = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);
        var evaluated = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", input, "--json");

        Assert.AreEqual(0, scored.ExitCode, scored.Error);
        Assert.AreEqual(0, evaluated.ExitCode, evaluated.Error);
        using var metrics = JsonDocument.Parse(evaluated.Output);
        Assert.AreEqual(3, metrics.RootElement.GetProperty("count").GetInt32());
        Assert.HasCount(3, ReadRecords(output, '\t'), "score reads the same 3 reviews evaluate does");
    }

    [TestMethod]
    [DataRow("great film\nawful film\n", 2, false)]
    [DataRow("text\ngreat film\nawful film\n", 2, true)]
    [DataRow("id,Review,note\n1,great film,x\n", 1, true)]
    public void Score_DetectsTheHeader_UnlessTheFirstRowCanBeAReview(string content, int rows, bool header)
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", content);
        var output = fault.PathOf("scored.csv");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, $"Scored {rows} row");
        Assert.HasCount(rows + (header ? 1 : 0), ReadRecords(output, ','));
    }

    [TestMethod]
    public void Score_HasHeaderTrue_StillOverridesDetection()
    {
        using var fault = new FaultCase();
        var input = fault.Input("reviews.csv", "comment\ngreat film\n");
        var output = fault.PathOf("scored.csv");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output, "--has-header", "true");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        CollectionAssert.AreEqual(new[] { "comment", "PredictedLabel", "Probability" }, ReadRecords(output, ',')[0]);
    }

    private static List<string[]> ReadRecords(string path, char separator)
    {
        using var reader = DelimitedRecordReader.Open(path, separator);
        return [.. reader.ReadRecords().Select(record => record.Fields)];
    }
}
