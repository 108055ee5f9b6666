using System.Text.Json;
using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Export;
using ImdbSentiment.Model.ModelFormat;
using ImdbSentiment.Model.Text;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImdbSentiment.Tests.Export;

/// <summary>
/// Issue 12, item 2: export writes each shipped model as model.onnx, its vocabulary and featurizer.json; ids made by
/// following the spec with the exported files are the zip's own ids, and the exported network run on them by
/// onnxruntime gives the zip's probabilities. (samples/python/predict.py, the independent reader, is checked by
/// <see cref="PythonConsumerTests"/>.)
/// </summary>
[TestClass]
public sealed class ModelExportTests
{
    private const float Tolerance = 1e-5f;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SeedModel_ExportsTokenIds_WithItsSettings()
    {
        using var export = new ExportedModel("imdb-sentiment.zip");

        CollectionAssert.AreEquivalent(
            new[] { ModelExporter.NetworkFile, ModelExporter.VocabularyFile, ModelExporter.SpecFile, ExportManifest.FileName },
            Directory.GetFiles(export.Folder).Select(Path.GetFileName).ToArray());
        var spec = ReadSpec(export);
        Assert.IsNull(spec.NgramIds);
        var tokenIds = spec.TokenIds!;
        Assert.AreEqual("TokenIds", tokenIds.Input);
        Assert.AreEqual((0L, 1L, 2L, 3L), (tokenIds.PaddingId, tokenIds.StartId, tokenIds.OutOfVocabularyId, tokenIds.FirstWordId));
        Assert.AreEqual((100, SequenceSide.Pre, SequenceSide.Pre), (tokenIds.MaxLength, tokenIds.Padding, tokenIds.Truncating));
        // The shipped zip's vocabulary entry, which ML.NET wrote, holds the same words in the same order.
        var words = File.ReadAllLines(export.PathOf(tokenIds.Vocabulary));
        Assert.HasCount(497, words);
        Assert.AreEqual(497, export.Summary.Words);
        Assert.AreEqual("the", words[0], "the most frequent word gets the first word id");
    }

    [TestMethod]
    public void Export_ReplacesAnEarlierExport_ButNotAFolderWithAnythingItsManifestDoesNotList()
    {
        using var export = new ExportedModel("imdb-sentiment.zip");

        var again = ModelExporter.Export(export.ModelPath, export.Folder);
        File.WriteAllText(export.PathOf("notes.txt"), "mine");
        var refused = Assert.ThrowsExactly<IOException>(() => ModelExporter.Export(export.ModelPath, export.Folder));

        CollectionAssert.AreEqual(new[] { ExportManifest.FileName, ModelExporter.SpecFile, ModelExporter.NetworkFile, ModelExporter.VocabularyFile }, again.Replaced.ToArray());
        StringAssert.Contains(refused.Message, $"{export.Folder} holds notes.txt, which the earlier export there did not write");
        Assert.AreEqual("mine", File.ReadAllText(export.PathOf("notes.txt")), "the refused folder is put back as it was");
    }

    [TestMethod]
    public void NgramModel_ExportsNgramIds_AndItsNgramVocabulary()
    {
        using var export = new ExportedModel("imdb-sentiment-ngram.zip");

        CollectionAssert.AreEquivalent(
            new[] { ModelExporter.NetworkFile, ModelExporter.NgramVocabularyFile, ModelExporter.SpecFile, ExportManifest.FileName },
            Directory.GetFiles(export.Folder).Select(Path.GetFileName).ToArray());
        var spec = ReadSpec(export);
        Assert.IsNull(spec.TokenIds, "the n-gram bag reads no token ids");
        var ngramIds = spec.NgramIds!;
        Assert.AreEqual(("NgramIds", 3, " ", 0L, 1L), (ngramIds.Input, ngramIds.Longest, ngramIds.Separator, ngramIds.PaddingId, ngramIds.FirstNgramId));
        var ngrams = File.ReadAllLines(export.PathOf(ngramIds.Vocabulary));
        Assert.HasCount(799_999, ngrams);
        Assert.AreEqual(ngrams.Length, ngrams.Distinct(StringComparer.Ordinal).Count());
        Assert.IsTrue(ngrams.Any(ngram => ngram.Split(' ').Length == 3), "trigrams are in the vocabulary");
    }

    [TestMethod]
    public void FusedBestModel_ExportsBothIdRows_AndBothVocabularies_ForOneGraphReadingBoth()
    {
        using var export = new ExportedModel("imdb-sentiment-best.zip");

        CollectionAssert.AreEquivalent(
            new[] { ModelExporter.NetworkFile, ModelExporter.VocabularyFile, ModelExporter.NgramVocabularyFile, ModelExporter.SpecFile, ExportManifest.FileName },
            Directory.GetFiles(export.Folder).Select(Path.GetFileName).ToArray());
        var spec = ReadSpec(export);
        Assert.AreEqual(1000, spec.TokenIds!.MaxLength);
        Assert.AreEqual(3, spec.NgramIds!.Longest);
        using var session = new InferenceSession(export.PathOf(spec.Network.File));
        CollectionAssert.AreEquivalent(new[] { "TokenIds", "NgramIds" }, session.InputNames.ToArray());
    }

    [TestMethod]
    public void Spec_NamesItsFormatAndVersion_AndTheNetworkItDescribes()
    {
        using var export = new ExportedModel("imdb-sentiment.zip");

        using var json = JsonDocument.Parse(File.ReadAllText(export.PathOf(ModelExporter.SpecFile)));
        Assert.AreEqual("imdb-sentiment-export", json.RootElement.GetProperty("format").GetString());
        Assert.AreEqual(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.AreEqual("pre", json.RootElement.GetProperty("tokenIds").GetProperty("padding").GetString());
        var network = ReadSpec(export).Network;
        using var session = new InferenceSession(export.PathOf(network.File));
        CollectionAssert.AreEqual(new[] { "TokenIds" }, session.InputNames.ToArray());
        CollectionAssert.IsSubsetOf(new[] { network.ProbabilityOutput, network.LogitOutput }, session.OutputNames.ToArray());
    }

    [TestMethod]
    [DataRow("imdb-sentiment.zip")]
    [DataRow("imdb-sentiment-ngram.zip")]
    [DataRow("imdb-sentiment-best.zip")]
    public void IdsMadeFromTheExport_AreTheZipsIds_AndTheExportedNetworkGivesItsProbabilities(string modelFile)
    {
        using var export = new ExportedModel(modelFile);
        var spec = ReadSpec(export);
        var reviews = ExportedModel.Reviews(stride: 50);
        using var model = SentimentModel.Load(export.ModelPath);
        var expected = ZipOutputs(model, reviews);
        using var session = new InferenceSession(export.PathOf(spec.Network.File));
        var idMaker = new SpecIds(spec, export.Folder);

        var largest = 0f;
        for (var i = 0; i < reviews.Length; i++)
        {
            var tokens = ReviewTokenizer.Tokenize(reviews[i]);
            var inputs = new List<NamedOnnxValue>();
            if (spec.TokenIds is { } tokenIds)
            {
                var ids = idMaker.TokenIds(tokens);
                CollectionAssert.AreEqual(expected[i].TokenIds, ids, $"token ids of review {i}");
                inputs.Add(NamedOnnxValue.CreateFromTensor(tokenIds.Input, new DenseTensor<long>(ids, [1, ids.Length])));
            }
            if (spec.NgramIds is { } ngramIds)
            {
                var ids = idMaker.NgramIds(tokens);
                CollectionAssert.AreEqual(expected[i].NgramIds, ids, $"n-gram ids of review {i}");
                inputs.Add(NamedOnnxValue.CreateFromTensor(ngramIds.Input, new DenseTensor<long>(ids, [1, ids.Length])));
            }
            using var outputs = session.Run(inputs, [spec.Network.ProbabilityOutput]);
            var probability = outputs[0].AsTensor<float>()[0, 0];
            largest = Math.Max(largest, Math.Abs(probability - expected[i].Probability));
        }

        TestContext.WriteLine($"{modelFile}: {reviews.Length} reviews, largest |exported - zip| = {largest:G3}");
        Assert.IsLessThanOrEqualTo(Tolerance, largest);
    }

    [TestMethod]
    public void SpecsTextRules_AsRegularExpressions_GiveTheTokenizersTokens()
    {
        using var export = new ExportedModel("imdb-sentiment.zip");
        var text = ReadSpec(export).Text;
        var lineBreak = new Regex(text.LineBreakPattern, RegexOptions.CultureInvariant);
        var token = new Regex(text.TokenPattern, RegexOptions.CultureInvariant);
        var lowercase = text.LowercaseFrom.Zip(text.LowercaseTo).ToDictionary(pair => pair.First, pair => pair.Second);
        // The spec lower-cases before it splits, which is the tokenizer's order only if no word character lowers to a separator.
        Assert.IsTrue(text.LowercaseTo.All(c => token.IsMatch(c.ToString())));

        foreach (var review in ExportedModel.Reviews(stride: 50))
        {
            var lowered = new string(lineBreak.Replace(review, " ").Select(c => lowercase.GetValueOrDefault(c, c)).ToArray());
            var tokens = token.Matches(lowered).Select(match => match.Value).ToArray();
            CollectionAssert.AreEqual(ReviewTokenizer.Tokenize(review), tokens, review);
        }
    }

    private static ModelSpec ReadSpec(ExportedModel export) =>
        ModelSpec.FromJson(File.ReadAllText(export.PathOf(ModelExporter.SpecFile)));

    private static (long[] TokenIds, long[] NgramIds, float Probability)[] ZipOutputs(SentimentModel model, string[] reviews)
    {
        var scored = model.Transform(model.MLContext.Data.LoadFromEnumerable(reviews.Select(text => new ReviewInput { Text = text })));
        var hasNgrams = scored.Schema.GetColumnOrNull(ColumnNames.NgramIds) is not null;
        var columns = new[] { ColumnNames.TokenIds, ColumnNames.NgramIds, ColumnNames.Probability }
            .Where(name => name != ColumnNames.NgramIds || hasNgrams).Select(name => scored.Schema[name]).ToArray();
        using var cursor = scored.GetRowCursor(columns);
        var tokenIds = cursor.GetGetter<VBuffer<long>>(scored.Schema[ColumnNames.TokenIds]);
        var ngramIds = hasNgrams ? cursor.GetGetter<VBuffer<long>>(scored.Schema[ColumnNames.NgramIds]) : null;
        var probability = cursor.GetGetter<float>(scored.Schema[ColumnNames.Probability]);
        var rows = new List<(long[], long[], float)>();
        VBuffer<long> tokens = default, ngrams = default;
        float p = 0;
        while (cursor.MoveNext())
        {
            tokenIds(ref tokens);
            ngramIds?.Invoke(ref ngrams);
            probability(ref p);
            rows.Add((tokens.DenseValues().ToArray(), hasNgrams ? ngrams.DenseValues().ToArray() : [], p));
        }
        return [.. rows];
    }

    /// <summary>The spec's id steps over the library's tokens, with the exported vocabulary files.</summary>
    private sealed class SpecIds(ModelSpec spec, string folder)
    {
        private readonly Dictionary<string, long> _words = Read(folder, spec.TokenIds?.Vocabulary, spec.TokenIds?.FirstWordId);
        private readonly Dictionary<string, long> _ngrams = Read(folder, spec.NgramIds?.Vocabulary, spec.NgramIds?.FirstNgramId);

        public long[] TokenIds(string[] tokens)
        {
            var settings = spec.TokenIds!;
            var ids = tokens.Select(token => _words.GetValueOrDefault(token, settings.OutOfVocabularyId)).Prepend(settings.StartId).ToArray();
            var padded = new long[settings.MaxLength];
            SequencePadder.Pad(ids, padded, settings.Padding, settings.Truncating);
            return padded;
        }

        public long[] NgramIds(string[] tokens) =>
            Ngrams.Distinct(tokens, spec.NgramIds!.Longest).Where(_ngrams.ContainsKey).Select(ngram => _ngrams[ngram])
                .Prepend(spec.NgramIds.PaddingId).ToArray();

        private static Dictionary<string, long> Read(string folder, string? file, long? firstId) =>
            file is null
                ? []
                : File.ReadLines(Path.Combine(folder, file)).Select((entry, i) => (entry, id: firstId!.Value + i))
                    .ToDictionary(pair => pair.entry, pair => pair.id, StringComparer.Ordinal);
    }
}
