using System.Text;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Tests.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// score reads its input's first bytes once, without seeking back: a UTF-16 file (little or big endian) is still read
/// as its byte order mark says, and its output is UTF-8 like every other output.
/// </summary>
[TestClass]
public sealed class CsvBatchScorerEncodingTests
{
    [TestMethod]
    [DataRow(false, DisplayName = "UTF-16 little endian")]
    [DataRow(true, DisplayName = "UTF-16 big endian")]
    public void AUtf16Input_IsReadAsItsByteOrderMarkSays(bool bigEndian)
    {
        using var folder = new DataFixtures();
        var input = folder.PathOf("reviews.tsv");
        File.WriteAllText(input, "id\ttext\n1\tune très belle histoire, wonderful\n", new UnicodeEncoding(bigEndian, byteOrderMark: true));
        var output = folder.PathOf("scored.tsv");
        using var model = SentimentModel.Load(Path.Combine(DataFixtures.FindRepoRoot()!, "models", "imdb-sentiment.zip"));

        var result = CsvBatchScorer.Score(model, input, output, new());

        Assert.AreEqual(1, result.RowsScored);
        var probability = model.CreatePredictionEngine().Predict(new ReviewInput { Text = "une très belle histoire, wonderful" }).Probability;
        var lines = File.ReadAllLines(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.AreEqual("id\ttext\tPredictedLabel\tProbability", lines[0]);
        StringAssert.StartsWith(lines[1], $"1\tune très belle histoire, wonderful\t{(probability >= 0.5f ? "true" : "false")}\t{probability.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
