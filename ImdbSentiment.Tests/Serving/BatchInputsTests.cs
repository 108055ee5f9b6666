using ImdbSentiment.Model;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// A batch's token-id rows for a network that ignores padding: each row holds exactly the ids the spec gives it, padded
/// on the spec's side to the batch's longest row, whatever the same buffers held for the batch before.
/// </summary>
[TestClass]
public sealed class BatchInputsTests
{
    private static DataFixtures? s_folder;
    private static SentimentScorer? s_scorer;

    [ClassInitialize]
    public static void TrainMaskedNetwork(TestContext _)
    {
        s_folder = new DataFixtures();
        var data = new FeaturizedData(200, seed: 4);
        var options = FeaturizedData.Options(NetworkArchitecture.Lstm).WithFit(fit => fit with { Epochs = 1 });
        var trained = new SentimentNetworkTrainer(data.MLContext, options).Train(data.Featurized, data.Featurized);
        var path = s_folder.PathOf("masked.zip");
        SentimentModel.Save(data.MLContext, data.Featurizer.Append(trained.Transformer), data.Raw.Schema, path);
        (trained.Transformer as IDisposable)?.Dispose();
        s_scorer = SentimentScorer.Open(path);
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        s_scorer?.Dispose();
        s_folder?.Dispose();
    }

    [TestMethod]
    public void RowsArePaddedToTheBatchsLongest_OverBuffersAnEarlierBatchFilled()
    {
        var scorer = s_scorer!;
        Assert.IsTrue(scorer.PadsTokensToLongest, "the masked LSTM's graph should say that padding changes no logit");
        var maxLength = scorer.Featurizer.TokenIds!.MaxLength;
        var longText = string.Join(' ', Enumerable.Repeat("good film", maxLength));
        var inputs = new BatchInputs(scorer.Featurizer, padsToLongest: true);
        Dispose(inputs.Make([longText, longText, longText]));

        // As long as MaxLength (the first review is cut to it), then shorter than MaxLength.
        AssertRows(inputs, [longText, "bad", "a good film"], maxLength);
        // The start id and six words.
        AssertRows(inputs, ["bad", "not a good film at all", "film"], 7);
    }

    private static void AssertRows(BatchInputs inputs, string[] texts, int width)
    {
        var values = inputs.Make(texts);
        try
        {
            var tensor = values[0].GetTensorDataAsSpan<long>().ToArray();
            CollectionAssert.AreEqual(new long[] { texts.Length, width }, values[0].GetTensorTypeAndShape().Shape);
            for (var r = 0; r < texts.Length; r++)
                CollectionAssert.AreEqual(ExpectedRow(texts[r], width), tensor[(r * width)..((r + 1) * width)], $"row {r} of a batch {width} wide");
        }
        finally
        {
            Dispose(values);
        }
    }

    // The spec's MaxLength-long row with the padding beyond the batch's width taken off its padded side.
    private static long[] ExpectedRow(string text, int width)
    {
        var featurizer = s_scorer!.Featurizer;
        var spec = featurizer.TokenIds!;
        var words = new SpecFeaturizer.Words();
        SpecFeaturizer.Tokenize(text, words);
        var row = new long[spec.MaxLength];
        featurizer.WriteTokenIds(words, row);
        return spec.Padding == SequenceSide.Pre ? row[^width..] : row[..width];
    }

    private static void Dispose(IEnumerable<IDisposable> values)
    {
        foreach (var value in values)
            value.Dispose();
    }
}
