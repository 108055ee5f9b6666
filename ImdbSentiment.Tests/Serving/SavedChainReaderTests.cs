using System.IO.Compression;
using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.Serving;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// score and predict read a product zip's featurizer and network straight from its saved steps, without ML.NET: what
/// they read is what the ML.NET load gives, and a chain the reader does not know, or a damaged one, goes through the
/// ML.NET load, which serves it or refuses it with its own error.
/// </summary>
[TestClass]
public sealed class SavedChainReaderTests
{
    private static DataFixtures _folder = null!;
    private static string _postPaddedModel = null!;

    [ClassInitialize]
    public static void TrainPostPaddedModel(TestContext _)
    {
        _folder = new DataFixtures();
        _postPaddedModel = _folder.PathOf("post-padded.zip");
        var mlContext = new MLContext(seed: 1);
        var raw = mlContext.Data.LoadFromEnumerable(SyntheticReviews.Create(300, seed: 5));
        var featurizer = new ReviewFeaturizerEstimator(mlContext, new FeaturizerOptions
        {
            VocabularySize = 40, MaxLength = 12, Padding = SequenceSide.Post, Truncating = SequenceSide.Post,
        }).Fit(raw);
        var featurized = mlContext.Data.Cache(featurizer.Transform(raw));
        var trained = new SentimentNetworkTrainer(mlContext, FeaturizedData.Options()).Train(featurized, featurized);
        mlContext.Model.Save(featurizer.Append(trained.Transformer), raw.Schema, _postPaddedModel);
    }

    [ClassCleanup]
    public static void Cleanup() => _folder.Dispose();

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    [DataRow("post-padded.zip")]
    public void AProductZip_ReadWithoutMlNet_GivesWhatTheMlNetLoadGives(string modelFile)
    {
        var path = modelFile == "post-padded.zip" ? _postPaddedModel : ShippedModel(modelFile);

        var (featurizer, network) = SavedChainReader.TryRead(path) ?? throw new AssertFailedException($"{modelFile}: the chain was not recognised");

        using var model = SentimentModel.Load(path);
        var expected = FeaturizerState.Read(model);
        CollectionAssert.AreEqual(expected.Words.ToArray(), featurizer.Words.ToArray());
        CollectionAssert.AreEqual(expected.Ngrams.ToArray(), featurizer.Ngrams.ToArray());
        Assert.AreEqual((expected.MaxLength, expected.Padding, expected.Truncating, expected.NgramLength),
            (featurizer.MaxLength, featurizer.Padding, featurizer.Truncating, featurizer.NgramLength));
        var parsed = NetworkGraph.Read(path);
        CollectionAssert.AreEqual(parsed.Bytes, network.Bytes);
        CollectionAssert.AreEqual(parsed.Inputs.ToArray(), network.Inputs.ToArray());
    }

    [TestMethod]
    public void AChainWithAStepTheReaderDoesNotKnow_IsServedThroughTheMlNetLoad()
    {
        var path = _folder.PathOf("extra-step.zip");
        using (var model = SentimentModel.Load(_postPaddedModel))
        {
            var reviews = model.MLContext.Data.LoadFromEnumerable(new[] { new ReviewInput { Text = "a film" } });
            var copy = model.MLContext.Transforms.CopyColumns("ScoreCopy", ColumnNames.Score).Fit(model.Transform(reviews));
            model.MLContext.Model.Save(new TransformerChain<ITransformer>(model.Transformer, copy), reviews.Schema, path);
        }

        Assert.IsNull(SavedChainReader.TryRead(path));
        using var serving = ServingModel.Load(path);
        using var scorer = serving.CreateScorer();
        using var reloaded = SentimentModel.Load(path);
        var engine = reloaded.CreatePredictionEngine();
        foreach (var text in new[] { "a wonderful, brilliant film", "an awful, boring waste of time" })
            Assert.AreEqual(engine.Predict(new ReviewInput { Text = text }).Probability, scorer.Probability(text), 0f, text);
    }

    [TestMethod]
    public void ADamagedNetworkEntry_IsRefusedWithTheMlNetLoadsError()
    {
        var path = _folder.PathOf("damaged-network.zip");
        File.Copy(_postPaddedModel, path, overwrite: true);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Single(entry => entry.Name == NetworkGraph.EntryName);
            var name = entry.FullName;
            entry.Delete();
            using var stream = zip.CreateEntry(name).Open();
            byte[] garbage = [.. BitConverter.GetBytes(64), .. Enumerable.Repeat((byte)0xAB, 64)];
            stream.Write(garbage);
        }

        var expected = Assert.ThrowsExactly<UnreadableModelException>(() => SentimentModel.Load(path));
        var error = Assert.ThrowsExactly<UnreadableModelException>(() => ServingModel.Load(path));
        // onnxruntime names the temporary file ML.NET unpacked the network into, a new one on each load.
        static string Unnamed(string message) => Regex.Replace(message, @"from \S+ failed", "from FILE failed");
        Assert.AreEqual(Unnamed(expected.Message), Unnamed(error.Message));
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void MissingForeignAndTruncatedFilesAndFolders_AreRefusedWithTheMlNetLoadsErrors()
    {
        var truncated = _folder.PathOf("truncated.zip");
        var bytes = File.ReadAllBytes(_postPaddedModel);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var foreign = _folder.PathOf("foreign.zip");
        Faults.ForeignModelFaultTests.SaveForeignModel(foreign, nameof(ReviewInput.Text));

        foreach (var path in new[] { _folder.PathOf("missing.zip"), _folder.Folder, truncated, foreign })
        {
            var expected = Assert.Throws<IOException>(() => SentimentModel.Load(path));
            var error = Assert.Throws<IOException>(() => ServingModel.Load(path));
            Assert.AreEqual((expected.GetType(), expected.Message), (error.GetType(), error.Message));
        }
    }

    private static string ShippedModel(string file) => Path.Combine(DataFixtures.FindRepoRoot()!, "models", file);
}
