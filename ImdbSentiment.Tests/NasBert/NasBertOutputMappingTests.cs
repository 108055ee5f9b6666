using ImdbSentiment.Model;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Trainer.Cli;
using ImdbSentiment.Trainer.NasBert;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImdbSentiment.Tests.NasBert;

[TestClass]
public sealed class NasBertOutputMappingTests
{
    [TestMethod]
    [DataRow(0f, 0f, 0f, 0.5f, true)]
    [DataRow(1f, 3f, 2f, 0.880797f, true)]
    [DataRow(3f, -1f, -4f, 0.017986f, false)]
    [DataRow(-100f, 100f, 200f, 1f, true)]
    [DataRow(100f, -100f, -200f, 0f, false)]
    public void ClassLogits_BecomeTheLogitAndProbabilityOfPositive(float negative, float positive, float logit, float probability, bool predicted)
    {
        var output = new NasBertOutputMapping.Output();
        NasBertOutputMapping.Map(new NasBertOutputMapping.Input { ClassScores = [negative, positive] }, output);

        Assert.AreEqual(logit, output.Score, 1e-4f);
        Assert.AreEqual(probability, output.Probability, 1e-5f);
        Assert.AreEqual(predicted, output.PredictedLabel);
    }

    [TestMethod]
    public void ScoresForMoreThanTwoClasses_AreRefused()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            NasBertOutputMapping.Map(new NasBertOutputMapping.Input { ClassScores = [0f, 1f, 2f] }, new NasBertOutputMapping.Output()));
        StringAssert.Contains(error.Message, "3 class scores");
    }

    [TestMethod]
    public void SavedMapping_LoadsThroughTheCommandsLoader_AsTheProductsColumns()
    {
        using var folder = new DataFixtures();
        var path = folder.PathOf("mapping.zip");
        var mlContext = new MLContext(seed: 1);
        var rows = mlContext.Data.LoadFromEnumerable(new[] { new ClassScores { Scores = [-1f, 2f] }, new ClassScores { Scores = [2f, -1f] } });
        var mapping = mlContext.Transforms.CustomMapping(new NasBertOutputMapping().GetMapping(), NasBertOutputMapping.ContractName).Fit(rows);
        mlContext.Model.Save(mapping, rows.Schema, path);

        using (var model = ModelLoader.Load(path))
        {
            var predictions = model.MLContext.Data.CreateEnumerable<SentimentPrediction>(model.Transform(rows), reuseRowObject: false).ToList();
            Assert.AreEqual(3f, predictions[0].Score, 1e-5f);
            Assert.IsTrue(predictions[0].PredictedLabel);
            Assert.AreEqual(-3f, predictions[1].Score, 1e-5f);
            Assert.IsFalse(predictions[1].PredictedLabel);
            Assert.AreEqual(1f, predictions[0].Probability + predictions[1].Probability, 1e-5f);
        }
    }

    [TestMethod]
    public void WeightsAddress_IsTheBaseAddressPlusMLNetsRelativePath()
    {
        Assert.AreEqual("https://aka.ms/mlnet-resources/models/NasBert2000000.tsm", NasBertWeights.SourceUri(null).ToString());
        Assert.AreEqual("http://mirror.example/ml/models/NasBert2000000.tsm", NasBertWeights.SourceUri("http://mirror.example/ml").ToString());
        Assert.AreEqual("http://mirror.example/ml/models/NasBert2000000.tsm", NasBertWeights.SourceUri("http://mirror.example/ml/").ToString());
        Assert.ThrowsExactly<ArgumentException>(() => NasBertWeights.SourceUri("ftp://mirror.example/"));
        Assert.AreEqual(Path.Combine("/cache", "mlnet", "NasBert2000000.tsm"), NasBertWeights.CachePath("/cache"));
    }

    [TestMethod]
    public void NasBertSettings_UseMLNetsDefaults_AndTheFlagsGiven()
    {
        var defaults = Settings("--model", "nasbert");
        Assert.AreEqual(new NasBertSettings(Epochs: 10, BatchSize: 32, Seed: 42, ValidationFraction: 0.2), defaults);

        var given = Settings("--model", "nasbert", "--epochs", "2", "--batch-size", "8", "--seed", "7", "--validation-fraction", "0.1");
        Assert.AreEqual(new NasBertSettings(2, 8, 7, 0.1), given);

        var flags = new TrainFlags();
        var parse = flags.CreateCommand().Parse(["--model", "nasbert", "--recipe", "best"]);
        Assert.IsEmpty(parse.Errors);
        var error = Assert.ThrowsExactly<UsageException>(() => NasBertSettings.From(flags, parse));
        StringAssert.Contains(error.Message, "--recipe does not apply to --model nasbert");
    }

    private static NasBertSettings Settings(params string[] arguments)
    {
        var flags = new TrainFlags();
        var parse = flags.CreateCommand().Parse(arguments);
        Assert.IsEmpty(parse.Errors, string.Join("; ", parse.Errors.Select(error => error.Message)));
        Assert.IsTrue(NasBertSettings.IsSelected(flags, parse));
        return NasBertSettings.From(flags, parse);
    }

    private sealed class ClassScores
    {
        [ColumnName(NasBertOutputMapping.ClassScoresColumn), VectorType(2)]
        public float[] Scores { get; set; } = [];
    }
}
