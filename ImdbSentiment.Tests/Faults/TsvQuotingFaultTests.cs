using System.Text;
using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 14: a tab-separated file that does not quote is read as it is, even where a review begins with a
/// quoted title; a quote encloses a field only when the whole field is a complete quoted field. score writes such
/// lines back as they were. A comma-separated file keeps RFC 4180, and its quoting error names the flag that reads
/// quotes as plain text.
/// </summary>
[TestClass]
public sealed class TsvQuotingFaultTests
{
    private static readonly string[] UnquotedReviews =
    [
        "1\t\"Kung Fu Panda\" is a joy from start to end",
        "0\t\"Gigli\" is a dull, boring mess",
        "1\tplain \"quoted\" words and a \"title\" at the end \"",
        "0\t\"an unclosed quote and a dull, boring film",
        "1\t\"\"\"Up\"\" is\ta wonderful film\"",
    ];

    [TestMethod]
    public void Evaluate_ReadsEveryRowOfAnUnquotedTsv()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", "label\ttext\n" + string.Join("\n", UnquotedReviews) + "\n");

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.AreEqual(UnquotedReviews.Length, json.RootElement.GetProperty("count").GetInt32());
        Assert.AreEqual(0, json.RootElement.GetProperty("skippedRows").GetInt32());
    }

    [TestMethod]
    public void Score_WritesEachLineOfAnUnquotedTsvBackAsItWas()
    {
        using var fault = new FaultCase();
        string[] lines = ["id\ttext", .. UnquotedReviews];
        var input = fault.Input("reviews.tsv", string.Join("\n", lines) + "\n");
        var output = fault.PathOf("scored.tsv");

        var outcome = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", input, "--output", output);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        var written = File.ReadAllText(output, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(lines.Length, written);
        Assert.AreEqual("id\ttext\tPredictedLabel\tProbability", written[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            StringAssert.StartsWith(written[i], lines[i] + "\t", $"line {i + 1} keeps its bytes");
            Assert.AreEqual(2, written[i][lines[i].Length..].Count(c => c == '\t'), $"line {i + 1}: two columns appended: {written[i]}");
        }
        fault.AssertOnlyLeft(output);
    }

    // A headerless TSV whose first review opens a quote it never closes is still found tab-separated, and a TSV quoted
    // as RFC 4180 (a doubled quote, a tab and a line break inside quotes) is still read as quoted.
    [TestMethod]
    [DataRow("reviews.tsv", "\"an unclosed quote, and a dull film\t0\n\"Kung Fu Panda\" is a joy\t1\n")]
    [DataRow("quoted.tsv", "label\ttext\n1\t\"a \"\"great\"\"\tfilm,\nloved it\"\n0\t\"dull\"\n")]
    public void ATsvWithQuotes_IsReadAsTwoReviews(string name, string content)
    {
        using var fault = new FaultCase();
        var dataset = fault.Input(name, content);

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.AreEqual(2, json.RootElement.GetProperty("count").GetInt32());
    }

    [TestMethod]
    public void ACsvWithAStrayQuote_NamesTheQuotingFlag_WhichReadsIt()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\n1,\"Kung Fu Panda\" is great\n0,a dull film\n");

        var strict = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json");
        var lenient = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--json", "--quoting", "lenient");

        FaultAssert.OneErrorLine(strict, FaultAssert.Failure, "reviews.csv, line 2", "--quoting lenient");
        Assert.AreEqual(0, lenient.ExitCode, lenient.Error);
        using var json = JsonDocument.Parse(lenient.Output);
        Assert.AreEqual(2, json.RootElement.GetProperty("count").GetInt32());
    }
}
