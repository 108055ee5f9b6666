using ImdbSentiment.Model;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Text;

[TestClass]
public sealed class FeaturizerTests
{
    private static readonly LabeledReview[] Reviews =
    [
        new() { Text = "Great great GREAT movie<br /><br />loved it", Label = true },
        new() { Text = "bad movie, bad acting", Label = false },
        new() { Text = "great fun", Label = true },
    ];

    [TestMethod]
    public void Fit_RanksWordsByCountThenOrdinally_AndMapsOutOfVocabularyToTwo()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Reviews);
        // counts: great 4, bad 2, movie 2, acting 1, fun 1, it 1, loved 1 -> 3 + 3 words: great, bad, movie
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 6, MaxLength = 8 }).Fit(data);

        var ids = ReadTokenIds(featurizer.Transform(data));

        CollectionAssert.AreEqual(new long[] { 0, 1, 3, 3, 3, 5, 2, 2 }, ids[0]);
        CollectionAssert.AreEqual(new long[] { 0, 0, 0, 1, 4, 5, 4, 2 }, ids[1]);
        CollectionAssert.AreEqual(new long[] { 0, 0, 0, 0, 0, 1, 3, 2 }, ids[2]);
    }

    [TestMethod]
    public void Fit_TruncatesPreByDefault_KeepingTheLastTokens()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Reviews);
        var featurizer = new ReviewFeaturizerEstimator(ml, new FeaturizerOptions { VocabularySize = 6, MaxLength = 3 }).Fit(data);

        CollectionAssert.AreEqual(new long[] { 5, 2, 2 }, ReadTokenIds(featurizer.Transform(data))[0]);
    }

    [TestMethod]
    public void Fit_HonoursPostPaddingAndPostTruncating()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Reviews);
        var options = new FeaturizerOptions { VocabularySize = 6, MaxLength = 4, Padding = SequenceSide.Post, Truncating = SequenceSide.Post };
        var ids = ReadTokenIds(new ReviewFeaturizerEstimator(ml, options).Fit(data).Transform(data));

        CollectionAssert.AreEqual(new long[] { 1, 3, 3, 3 }, ids[0]);
        CollectionAssert.AreEqual(new long[] { 1, 3, 2, 0 }, ids[2]);
    }

    [TestMethod]
    public void SavedFeaturizer_ReloadsAndGivesIdenticalIds()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Reviews);
        var options = new FeaturizerOptions { VocabularySize = 6, MaxLength = 5, Padding = SequenceSide.Post };
        var featurizer = new ReviewFeaturizerEstimator(ml, options).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"featurizer-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(featurizer, data.Schema, path);
            var reloaded = new MLContext().Model.Load(path, out _);

            var expected = ReadTokenIds(featurizer.Transform(data));
            var actual = ReadTokenIds(reloaded.Transform(data));
            for (var i = 0; i < expected.Count; i++)
                CollectionAssert.AreEqual(expected[i], actual[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Fit_RejectsAVocabularyThatLeavesNoRoomForWords()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new ReviewFeaturizerEstimator(new MLContext(), new FeaturizerOptions { VocabularySize = 3 }));
    }

    internal static List<long[]> ReadTokenIds(IDataView view) =>
        view.GetColumn<VBuffer<long>>(ColumnNames.TokenIds).Select(buffer => buffer.DenseValues().ToArray()).ToList();
}
