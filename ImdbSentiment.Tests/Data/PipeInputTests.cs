using System.Runtime.InteropServices;
using System.Text;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;

namespace ImdbSentiment.Tests.Data;

/// <summary>
/// Every command opens its input once: the separator is detected from the same stream the records are then read
/// from, so a named pipe, which gives its bytes to one reader only and cannot seek, is read in full. A second open
/// would find the pipe's writer gone and wait for ever, which the timeout turns into a failure.
/// </summary>
[TestClass]
public sealed class PipeInputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string ModelPath => Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip");

    [TestMethod]
    public void Score_ReadsATabSeparatedPipe_WithTheSeparatorDetected_AndTheByteOrderMarkDropped()
    {
        using var folder = new DataFixtures();
        var pipe = MakePipe(folder);
        var output = folder.PathOf("scored.tsv");
        using var model = SentimentModel.Load(ModelPath);
        var rows = new[] { "a dull, boring waste of two hours", "an absolute masterpiece, I loved it" };

        var result = WhileWriting(pipe, "\uFEFFid\ttext\n" + string.Concat(rows.Select((text, i) => $"{i}\t{text}\n")),
            () => CsvBatchScorer.Score(model, pipe, output, new DelimitedFileOptions()));

        Assert.AreEqual(2, result.RowsScored);
        Assert.IsTrue(result.HasHeader);
        var engine = model.CreatePredictionEngine();
        var lines = File.ReadAllLines(output);
        Assert.AreEqual("id\ttext\tPredictedLabel\tProbability", lines[0], "tab-separated like its input, without the byte order mark");
        for (var i = 0; i < rows.Length; i++)
        {
            var probability = engine.Predict(new ReviewInput { Text = rows[i] }).Probability;
            StringAssert.StartsWith(lines[i + 1], $"{i}\t{rows[i]}\t{(probability >= 0.5f ? "true" : "false")}\t");
        }
    }

    [TestMethod]
    public void Score_OfAnEmptyPipe_SaysTheFileIsEmpty_AndWritesNothing()
    {
        using var folder = new DataFixtures();
        var pipe = MakePipe(folder);
        var output = folder.PathOf("scored.csv");
        using var model = SentimentModel.Load(ModelPath);

        var error = Assert.ThrowsExactly<DataFormatException>(() =>
            WhileWriting(pipe, "\n\n", () => CsvBatchScorer.Score(model, pipe, output, new DelimitedFileOptions())));

        StringAssert.Contains(error.Message, "the file is empty");
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void ReviewReader_ReadsASemicolonSeparatedPipe_ForTrainAndEvaluate()
    {
        using var folder = new DataFixtures();
        var pipe = MakePipe(folder);

        var read = WhileWriting(pipe, "label;text\n1;great fun, really\n0;\"a dull; slow film\"\n", () => DelimitedReviewReader.Read(pipe));

        CollectionAssert.AreEqual(new[] { "great fun, really", "a dull; slow film" }, read.Reviews.Select(review => review.Text).ToArray());
        CollectionAssert.AreEqual(new[] { true, false }, read.Reviews.Select(review => review.Label).ToArray());
    }

    private static T WhileWriting<T>(string pipe, string content, Func<T> read)
    {
        // Opening a pipe for writing waits for its reader, so the writer runs beside the read.
        var writer = Task.Run(() => File.WriteAllText(pipe, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        var reading = Task.Run(read);
        if (Task.WaitAny([reading], Patience) < 0)
        {
            // Let a reader that opened the pipe a second time return, so the test process can end.
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
            Assert.Fail($"the read did not finish within {Patience.TotalSeconds} s: the input was opened more than once");
        }
        writer.Wait(Patience);
        return reading.GetAwaiter().GetResult();
    }

    private static string MakePipe(DataFixtures folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Inconclusive("named pipes are made with mkfifo, which this system lacks");
        var path = folder.PathOf("reviews.pipe");
        Assert.AreEqual(0, MakeFifo(path, Convert.ToUInt32("600", 8)), $"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
