using System.Globalization;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// CsvBatchScorer over more rows than one chunk, split between the scorer's workers: rows keep their order and
/// the PredictionEngine's predictions (within 1e-5), and a bad row late in the file, after chunks were written, still fails the whole output with its line.
/// </summary>
[TestClass]
public sealed class CsvBatchScorerChunkTests
{
    private const int Rows = CsvBatchScorer.ChunkSize * 2 + 17;

    private static string ModelPath => Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip");

    private static string Review(int row) => row % 3 == 0
        ? $"a dull, boring waste of {row} minutes"
        : $"an absolute masterpiece, I loved all {row} minutes of it";

    [TestMethod]
    public void ManyChunks_KeepEveryRowInOrder_WithThePredictionEnginesProbability()
    {
        using var folder = new DataFixtures();
        var input = folder.WriteText("reviews.csv", "id,text\n" + string.Concat(Enumerable.Range(0, Rows).Select(row => $"{row},\"{Review(row)}\"\n")));
        var output = folder.PathOf("scored.csv");
        using var model = SentimentModel.Load(ModelPath);

        var result = CsvBatchScorer.Score(model, input, output, new DelimitedFileOptions());

        Assert.AreEqual(Rows, result.RowsScored);
        var engine = model.CreatePredictionEngine();
        using var scored = DelimitedRecordReader.Open(output, ',');
        CollectionAssert.AreEqual(new[] { "id", "text", ColumnNames.PredictedLabel, ColumnNames.Probability }, scored.ReadRecord()!.Value.Fields);
        for (var row = 0; row < Rows; row++)
        {
            var fields = scored.ReadRecord()!.Value.Fields;
            var expected = engine.Predict(new ReviewInput { Text = Review(row) });
            CollectionAssert.AreEqual(
                new[] { row.ToString(CultureInfo.InvariantCulture), Review(row), expected.PredictedLabel ? "true" : "false" }, fields[..3], $"row {row}");
            Assert.AreEqual(expected.Probability, float.Parse(fields[3], CultureInfo.InvariantCulture), 1e-5f, $"row {row}");
        }
        Assert.IsNull(scored.ReadRecord(), "no row more than the input's");
    }

    [TestMethod]
    public void BadRowInALaterChunk_FailsWithItsLine_AndLeavesNoOutput()
    {
        using var folder = new DataFixtures();
        var badRow = CsvBatchScorer.ChunkSize * 2 + 5;
        var lines = Enumerable.Range(0, Rows).Select(row => row == badRow ? $"{row},\"{Review(row)}\",extra\n" : $"{row},\"{Review(row)}\"\n");
        var input = folder.WriteText("reviews.csv", "id,text\n" + string.Concat(lines));
        var output = folder.PathOf("scored.csv");
        using var model = SentimentModel.Load(ModelPath);

        var error = Assert.ThrowsExactly<DataFormatException>(() => CsvBatchScorer.Score(model, input, output, new DelimitedFileOptions()));

        StringAssert.Contains(error.Message, $"line {badRow + 2}");
        StringAssert.Contains(error.Message, "expected 2 fields");
        Assert.IsFalse(File.Exists(output), "no output from a failed run");
        CollectionAssert.AreEqual(new[] { "reviews.csv" }, Directory.GetFiles(folder.Folder).Select(Path.GetFileName).ToArray(), "no temporary file left");
    }
}
