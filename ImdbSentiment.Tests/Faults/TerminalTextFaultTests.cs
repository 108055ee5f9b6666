using System.Net;
using ImdbSentiment.Tests.Cli;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 5: text from a review, a file or a request never reaches the terminal raw. An escape sequence could
/// retitle or clear the user's terminal, and U+0085, U+2028 or U+2029 split a line in common tools; each control
/// character is shown escaped (\x1b, \u2028) instead, in results and in error lines alike.
/// </summary>
[TestClass]
public sealed class TerminalTextFaultTests
{
    private const string Hostile = "A fine film\u001b]0;pwned\u0007 until \u001b[2J the end\u0085next\u2028line\u2029para \u202egnp.exe\u009b31m\u007f.";

    [TestMethod]
    public void Predict_EchoesAHostileReview_EscapedOnOneLine()
    {
        using var fault = new FaultCase();

        var fromArguments = fault.Run("predict", "--model", FaultCase.ShippedModel, Hostile, "plain and good");
        var fromInput = fault.RunWithInput($"{Hostile}\nnul\0 and bell\u0007 here\n", "predict", "--model", FaultCase.ShippedModel);

        foreach (var outcome in new[] { fromArguments, fromInput })
        {
            Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
            AssertShowsNoControlCharacters(outcome.Output);
            Assert.HasCount(2, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), outcome.Output);
            StringAssert.Contains(outcome.Output, @"A fine film\x1b]0;pwned\x07 until \x1b[2J the end\x85next\u2028line\u2029para \u202egnp.exe\x9b31m\x7f.");
        }
        StringAssert.Contains(fromInput.Output, @"nul\x00 and bell\x07 here");
    }

    [TestMethod]
    public void AnErrorQuotingALabel_ShowsItsControlCharactersEscaped()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", "a fine film\tpositive\na dull film\tneg\u001b]0;pwned\u0007\u2028ative\n");

        var outcome = fault.Run("train", "--dataset", dataset, "--output", fault.PathOf("never.zip"));

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.tsv, line 2");
        AssertShowsNoControlCharacters(outcome.Error);
        StringAssert.Contains(line, @"neg\x1b]0;pwned\x07\u2028ative");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void AnErrorQuotingAHeader_ShowsItsControlCharactersEscaped()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.csv", "label,text\u001b[2J\n1,a fine film\n0,a dull film\n");

        var outcome = fault.Run("train", "--dataset", dataset, "--text-col", "review", "--output", fault.PathOf("never.zip"));

        var line = FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "reviews.csv");
        AssertShowsNoControlCharacters(outcome.Error);
        StringAssert.Contains(line, @"text\x1b[2J");
    }

    [TestMethod]
    public void AnErrorAboutABinaryFile_ShowsNoRawBytes()
    {
        using var fault = new FaultCase();
        var bytes = new byte[600];
        new Random(23).NextBytes(bytes);
        for (var i = 0; i < 32; i++)
            bytes[i * 3] = (byte)i;
        var binary = fault.InputBytes("reviews.csv", [.. "label,text\n1,"u8, .. bytes, .. "\n"u8]);
        var scoring = fault.InputBytes("input.csv", [.. "id,text\n"u8, .. bytes, .. "\n"u8]);

        var train = fault.Run("train", "--dataset", binary, "--output", fault.PathOf("never.zip"));
        var score = fault.Run("score", "--model", FaultCase.ShippedModel, "--input", scoring, "--output", fault.PathOf("scored.csv"));

        foreach (var outcome in new[] { train, score })
        {
            Assert.AreNotEqual(0, outcome.ExitCode, outcome.Output);
            AssertShowsNoControlCharacters(outcome.Error);
            AssertShowsNoControlCharacters(outcome.Output);
        }
    }

    [TestMethod]
    public void ASkippedRowsMessage_ShowsItsControlCharactersEscaped()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("reviews.tsv", "text\tlabel\na fine film\t1\na dull film\t0\u001b[2J\u0085\nanother fine film\t1\n");

        var outcome = fault.Run("evaluate", "--model", FaultCase.ShippedModel, "--dataset", dataset, "--skip-bad-rows");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, @"0\x1b[2J\x85");
        AssertShowsNoControlCharacters(outcome.Output);
    }

    [TestMethod]
    public void AFlagValueThatDoesNotParse_IsEchoedEscaped()
    {
        using var fault = new FaultCase();

        var outcome = fault.Run("train", "--epochs", "\u001b]0;pwned\u0007");

        FaultAssert.OneErrorLine(outcome, FaultAssert.Usage, "--epochs", @"\x1b]0;pwned\x07");
        AssertShowsNoControlCharacters(outcome.Error);
    }

    [TestMethod]
    public void Explain_OnATerminal_ShowsTheReviewsControlCharactersEscaped()
    {
        using var fault = new FaultCase();
        var environment = new Dictionary<string, string>(fault.Environment)
        {
            ["TERM"] = "xterm-256color", ["IMDB_DLL"] = TrainerProcess.Assembly(), ["IMDB_MODEL"] = FaultCase.ShippedModel, ["IMDB_REVIEW"] = Hostile,
        };

        // script(1) gives the command a terminal, so explain draws its coloured view rather than plain lines.
        var outcome = TrainerProcess.RunProgram("script", null, environment,
            "-qec", "dotnet \"$IMDB_DLL\" explain --model \"$IMDB_MODEL\" \"$IMDB_REVIEW\"", "/dev/null");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Output + outcome.Error);
        foreach (var raw in new[] { "\u001b]", "\u001b[2J", "\u0007", "\u0085", "\u2028", "\u2029", "\u202e", "\u009b", "\u007f" })
            Assert.DoesNotContain(raw, outcome.Output, $"U+{(int)raw[^1]:X4} raw in: {outcome.Output}");
        StringAssert.Contains(outcome.Output, @"\x1b]");
        StringAssert.Contains(outcome.Output, @"\u2028");
    }

    [TestMethod]
    public async Task Serve_LogsARequestPathWithControlCharacters_PercentEncoded_NeverRaw()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault, "--log-requests");
        using var client = serve.Client();

        using var response = await client.GetAsync("/%1B%5D0;pwned%07%E2%80%A8x");
        serve.Command.WaitUntil(() => serve.Command.OutputSoFar.Contains(" 404 "), "the request's log line");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        AssertShowsNoControlCharacters(serve.Command.OutputSoFar);
        StringAssert.Contains(serve.Command.OutputSoFar, "GET /%1B%5D0;pwned%07%E2%80%A8x 404", "the path as sent, percent-encoded");
    }

    /// <summary>Line breaks and tabs separate lines and fields; nothing else that a terminal or a line reader acts on.</summary>
    internal static void AssertShowsNoControlCharacters(string text)
    {
        foreach (var c in text)
        {
            var acted = (char.IsControl(c) && c is not ('\n' or '\t')) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
            Assert.IsFalse(acted, $"U+{(int)c:X4} raw in: {text}");
        }
    }
}
