using ImdbSentiment.Model.Text;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Tests.Rnn;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.WordVectors;

/// <summary>Word vectors in training: the rows they start, the rows they leave alone, freezing, the coverage report and the size rule.</summary>
[TestClass]
[DoNotParallelize] // The trainer seeds torch's process-wide generator.
public sealed class PretrainedEmbeddingTests
{
    private const int Dimensions = 6;

    [TestMethod]
    [DataRow(NetworkArchitecture.EmbeddingRnn)]
    [DataRow(NetworkArchitecture.Lstm)]
    [DataRow(NetworkArchitecture.Gru)]
    [DataRow(NetworkArchitecture.Cnn)]
    public void FrozenForEveryEpoch_TheCoveredRowsAreTheVectors_AndTheOthersTheSeedsInitialisation(NetworkArchitecture architecture)
    {
        var data = new FeaturizedData(200, seed: 4);
        using var files = new DataFixtures();
        var (path, vectors) = WriteVectors(files, data, skipEvery: 3);
        var options = Options(architecture, path, frozenEpochs: 2);

        var trained = Train(data, options);

        var table = Rows(trained.Network.WordEmbedding!);
        var words = Words(data);
        var random = RandomRows(options, data);
        for (var word = 0; word < words.Count; word++)
        {
            var row = table[word + Vocabulary.ReservedIds];
            var inFile = vectors.TryGetValue(words[word], out var vector);
            CollectionAssert.AreEqual(inFile ? vector : random[word + Vocabulary.ReservedIds], row, $"{architecture}: row of '{words[word]}' ({(inFile ? "from the file" : "not in the file")})");
        }

        var coverage = trained.Result.WordVectors!;
        Assert.AreEqual(words.Count, coverage.VocabularyWords);
        Assert.AreEqual(vectors.Count, coverage.CoveredWords);
        Assert.AreEqual(vectors.Count + 1, coverage.FileWords, "the file's word outside the vocabulary counts in the file");
        Assert.IsLessThan(words.Count, coverage.CoveredWords);
    }

    [TestMethod]
    public void AfterTheFrozenEpochs_TheEmbeddingTrains_AndTheOtherLayersTrainedAllAlong()
    {
        var data = new FeaturizedData(200, seed: 5);
        using var files = new DataFixtures();
        var (path, vectors) = WriteVectors(files, data, skipEvery: 0);

        var frozen = Train(data, Options(NetworkArchitecture.Lstm, path, frozenEpochs: 2));
        var thawed = Train(data, Options(NetworkArchitecture.Lstm, path, frozenEpochs: 1));

        var words = Words(data);
        var frozenTable = Rows(frozen.Network.WordEmbedding!);
        var thawedTable = Rows(thawed.Network.WordEmbedding!);
        var changed = Enumerable.Range(0, words.Count).Count(word => !thawedTable[word + Vocabulary.ReservedIds].SequenceEqual(vectors[words[word]]));
        Assert.IsTrue(Enumerable.Range(0, words.Count).All(word => frozenTable[word + Vocabulary.ReservedIds].SequenceEqual(vectors[words[word]])));
        Assert.IsGreaterThan(words.Count / 2, changed, "the second epoch trains the rows of the words it saw");
        Assert.AreNotEqual(frozen.Result.History[0].ValidationLoss, frozen.Result.History[1].ValidationLoss, "the other layers train while the embedding is frozen");
    }

    [TestMethod]
    public void VectorsOfAnotherLength_ThanTheEmbeddingSize_AreRefusedNamingBoth()
    {
        var data = new FeaturizedData(100, seed: 6);
        using var files = new DataFixtures();
        var (path, _) = WriteVectors(files, data, skipEvery: 0);
        var options = Options(NetworkArchitecture.Lstm, path, frozenEpochs: 0).WithNetwork(network => network with { EmbeddingSize = Dimensions + 1 });

        var error = Assert.ThrowsExactly<ArgumentException>(() => Train(data, options));

        Assert.AreEqual(nameof(NetworkSettings.EmbeddingSize), error.ParamName);
        StringAssert.Contains(error.Message, $"{Dimensions} dimensions");
    }

    [TestMethod]
    [DataRow(NetworkArchitecture.OneHotRnn, false)]
    [DataRow(NetworkArchitecture.None, true)]
    public void ANetworkWithoutAnEmbedding_RefusesWordVectors(NetworkArchitecture architecture, bool ngramBranch)
    {
        var network = new NetworkSettings { Architecture = architecture, NgramBranch = ngramBranch, WordVectors = new WordVectorSettings { Path = "any.vec" } };

        var error = Assert.ThrowsExactly<ArgumentException>(network.Validate);

        Assert.AreEqual(nameof(NetworkSettings.WordVectors), error.ParamName);
        StringAssert.Contains(error.Message, "embedding-rnn, lstm, gru, cnn");
        new NetworkSettings { Architecture = NetworkArchitecture.Lstm, NgramBranch = true, WordVectors = network.WordVectors }.Validate();
    }

    [TestMethod]
    public void WithWordVectors_TakesTheEmbeddingSizeFromTheFile()
    {
        using var files = new DataFixtures();
        var path = files.WriteText("size.vec", "1 4\nthe 1 2 3 4\n");

        var network = new NetworkSettings { Architecture = NetworkArchitecture.Gru }.WithWordVectors(path, frozenEpochs: 2);

        Assert.AreEqual(4, network.EmbeddingSize);
        Assert.AreEqual(new WordVectorSettings { Path = path, FrozenEpochs = 2 }, network.WordVectors);
    }

    private static SentimentNetworkOptions Options(NetworkArchitecture architecture, string path, int frozenEpochs) =>
        FeaturizedData.Options(architecture)
            .WithNetwork(network => network with
            {
                EmbeddingSize = Dimensions,
                Pooling = architecture == NetworkArchitecture.Cnn ? RecurrentPooling.Max : RecurrentPooling.Last,
                WordVectors = new WordVectorSettings { Path = path, FrozenEpochs = frozenEpochs },
            })
            .WithFit(fit => fit with { Epochs = 2, Patience = 10 });

    private static TrainedSentimentModel Train(FeaturizedData data, SentimentNetworkOptions options)
    {
        var split = data.MLContext.Data.TrainTestSplit(data.Featurized, testFraction: 0.2, seed: 1);
        return new SentimentNetworkTrainer(data.MLContext, options).Train(split.TrainSet, split.TestSet);
    }

    /// <summary>A vector for every vocabulary word but every <paramref name="skipEvery"/>-th, upper-cased in the file, plus one word outside the vocabulary.</summary>
    private static (string Path, Dictionary<string, float[]> Vectors) WriteVectors(DataFixtures files, FeaturizedData data, int skipEvery)
    {
        var random = new Random(11);
        var vectors = Words(data)
            .Where((_, index) => skipEvery == 0 || index % skipEvery != 0)
            .ToDictionary(word => word, _ => Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray());
        var lines = vectors.Select(pair => $"{pair.Key.ToUpperInvariant()} {string.Join(' ', pair.Value.Select(value => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}")
            .Append($"zzzunused {string.Join(' ', Enumerable.Repeat("0.5", Dimensions))}");
        return (files.WriteText("vectors.vec", $"{vectors.Count + 1} {Dimensions}\n{string.Join('\n', lines)}\n"), vectors);
    }

    private static IReadOnlyList<string> Words(FeaturizedData data)
    {
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        data.Featurized.Schema[Model.ColumnNames.TokenKeys].GetKeyValues(ref keys);
        return [.. keys.DenseValues().Select(word => word.ToString())];
    }

    /// <summary>The rows the seeded network starts from without vectors.</summary>
    private static float[][] RandomRows(SentimentNetworkOptions options, FeaturizedData data)
    {
        manual_seed(options.Seed);
        using var untrained = SentimentNetworkTrainer.CreateNetwork(options.WithNetwork(network => network with { WordVectors = null }), NetworkInputs.FromSchema(data.Featurized.Schema));
        return Rows(untrained.WordEmbedding!);
    }

    private static float[][] Rows(Tensor table)
    {
        var width = (int)table.shape[1];
        var values = table.detach().contiguous().data<float>().ToArray();
        return [.. values.Chunk(width)];
    }
}
