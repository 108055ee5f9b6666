using System.Text.Json;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Cli;

[TestClass]
public sealed class CommandLineTests
{
    private static DataFixtures _folder = null!;
    private static string _model = null!;
    private static string _reviewsTsv = null!;
    private static TrainerProcess.Outcome _training = null!;

    [ClassInitialize]
    public static void TrainOnAHeaderlessTsv(TestContext _)
    {
        _folder = new DataFixtures();
        // The mlnet tutorial's yelp_labelled.txt shape: sentence<TAB>0|1, no header.
        _reviewsTsv = _folder.WriteText("reviews.tsv", string.Concat(
            SyntheticReviews.Create(600, seed: 21).Select(review => $"{review.Text}\t{(review.Label ? 1 : 0)}\n")));
        _model = _folder.PathOf("out/model.zip");
        _training = TrainerProcess.Run(
            "train", "--dataset", _reviewsTsv, "--label-col", "1", "--has-header", "false",
            "--vocab-size", "40", "--max-length", "30", "--epochs", "10", "--learning-rate", "0.02", "--output", _model);
    }

    [ClassCleanup]
    public static void Cleanup() => _folder.Dispose();

    [TestMethod]
    public void Train_WritesTheModelTheReportAndTheConsumptionCode()
    {
        Assert.AreEqual(0, _training.ExitCode, _training.Error + _training.Output);
        StringAssert.Contains(_training.Output, "Epoch 1/10");
        StringAssert.Contains(_training.Output, "val_accuracy");
        StringAssert.Contains(_training.Output, "Total trainable params");
        Assert.IsTrue(File.Exists(_model));
        var reportFiles = Directory.GetFiles(Path.GetDirectoryName(_model)!, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        CollectionAssert.IsSubsetOf(new[] { ReportFolder.MetricsFileName, ReportFolder.TrainingCurvesFileName, ReportFolder.LengthHistogramFileName, ReportFolder.ModelCardFileName }, reportFiles);
        Assert.IsTrue(reportFiles.Any(name => name!.EndsWith(".cs")), "consumption code beside the model");
        Assert.IsFalse(reportFiles.Any(name => name!.EndsWith(".tmp")), "no temporary files left behind");
    }

    [TestMethod]
    public void Train_WithAGroupColumn_HoldsOutADevelopmentTestSetOfWholeGroups_AndValidatesByGroup()
    {
        using var folder = new DataFixtures();
        var csv = folder.WriteText("grouped.csv", "movie,label,text\n" + string.Concat(
            SyntheticReviews.Create(400, seed: 8).Select((review, i) => $"m{i % 40},{(review.Label ? 1 : 0)},{review.Text}\n")));

        var outcome = TrainerProcess.Run(
            "train", "--dataset", csv, "--group-col", "movie", "--split-by", "movie", "--dev-test", "--architecture", "ngram-bag", "--ngrams", "2",
            "--optimizer", "adam", "--epochs", "2", "--output", folder.PathOf("grouped.zip"));

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error + outcome.Output);
        StringAssert.Contains(outcome.Output, "Development-test set: 80 reviews of 8 movies held out; 320 reviews left to train and validate on.");
        StringAssert.Contains(outcome.Output, " test │", "the metrics table has a test column: the development-test set");
    }

    [TestMethod]
    public void Train_DevTestWithoutMovies_SaysWhatItNeeds()
    {
        var outcome = TrainerProcess.Run("train", "--dataset", _reviewsTsv, "--label-col", "1", "--has-header", "false", "--dev-test", "--output", _folder.PathOf("never.zip"));

        Assert.AreNotEqual(0, outcome.ExitCode);
        StringAssert.Contains(outcome.Error, "--dev-test holds out whole movies");
        Assert.IsFalse(File.Exists(_folder.PathOf("never.zip")));
    }

    [TestMethod]
    public void EvaluateJson_PrintsOneObjectWithTheMetrics()
    {
        var outcome = TrainerProcess.Run("evaluate", "--model", _model, "--dataset", _reviewsTsv, "--label-col", "1", "--has-header", "false", "--json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Output);
        foreach (var key in new[] { "accuracy", "auc", "f1", "precision", "recall", "logLoss" })
            Assert.IsTrue(json.RootElement.GetProperty(key).GetDouble() is >= 0 and <= 10, key);
        Assert.AreEqual(600, json.RootElement.GetProperty("count").GetInt32());
        Assert.IsGreaterThan(0.7, json.RootElement.GetProperty("accuracy").GetDouble(), "the synthetic reviews are easy to learn");
    }

    [TestMethod]
    public void Predict_PrintsOneLinePerArgument_OrPerStandardInputLine()
    {
        var fromArguments = TrainerProcess.Run("predict", "--model", _model, "a wonderful superb masterpiece", "awful boring dull waste");
        Assert.AreEqual(0, fromArguments.ExitCode, fromArguments.Error);
        var lines = fromArguments.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(2, lines);
        StringAssert.StartsWith(lines[0], "positive\t");
        StringAssert.StartsWith(lines[1], "negative\t");

        var fromInput = TrainerProcess.RunWith("great loved it\nworst film bad\nthe plot\n", null, "predict", "--model", _model);
        Assert.AreEqual(0, fromInput.ExitCode, fromInput.Error);
        Assert.HasCount(3, fromInput.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void Score_KeepsEveryColumnWithValidQuoting_AndAppendsThePredictions()
    {
        var input = _folder.WriteText("to-score.csv",
            "id,text,note\r\n1,\"great, wonderful film\",\"said \"\"wow\"\"\"\r\n2,\"awful\nboring\",plain\r\n3,superb,\"a,b\"\r\n");
        var output = _folder.PathOf("scored.csv");

        var outcome = TrainerProcess.Run("score", "--model", _model, "--input", input, "--output", output);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Scored 3 rows");
        using var reader = DelimitedRecordReader.Open(output, ',');
        var records = reader.ReadRecords().Select(record => record.Fields).ToList();
        CollectionAssert.AreEqual(new[] { "id", "text", "note", "PredictedLabel", "Probability" }, records[0]);
        CollectionAssert.AreEqual(new[] { "1", "great, wonderful film", "said \"wow\"" }, records[1][..3]);
        CollectionAssert.AreEqual(new[] { "2", "awful\nboring", "plain" }, records[2][..3]);
        // The fixture trains at 200 times the recipe's learning rate, where a rounding difference changes the
        // trajectory, so a borderline review's side of 0.5 is not asserted: each label is its probability's side, and
        // the negative review scores below the positive one.
        var probabilities = records.Skip(1).Select(record => float.Parse(record[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var (record, probability) in records.Skip(1).Zip(probabilities))
        {
            Assert.IsTrue(probability is > 0 and < 1, $"row {record[0]}: {probability}");
            Assert.AreEqual(probability > 0.5f ? "true" : "false", record[3], $"row {record[0]}: {probability}");
        }
        Assert.AreEqual("true", records[1][3]);
        Assert.IsLessThan(probabilities[0], probabilities[1], "\"awful boring\" should score below \"great, wonderful film\"");
    }

    [TestMethod]
    public void Score_AnEmptyTextFailsNamingTheLine_AndLeavesNoOutput_UnlessSkippingIsAsked()
    {
        var input = _folder.WriteText("with-empty.csv", "text\ngreat film\n\"\"\nbad film\n");
        var output = _folder.PathOf("never-written.csv");

        var failed = TrainerProcess.Run("score", "--model", _model, "--input", input, "--output", output);
        Assert.AreEqual(1, failed.ExitCode);
        StringAssert.Contains(failed.Error, "line 3");
        Assert.IsFalse(File.Exists(output));
        Assert.IsEmpty(Directory.GetFiles(_folder.Folder, "*.tmp"));

        var skipped = TrainerProcess.Run("score", "--model", _model, "--input", input, "--output", output, "--skip-empty");
        Assert.AreEqual(0, skipped.ExitCode, skipped.Error);
        StringAssert.Contains(skipped.Output, "1 row with an empty text left unscored");
        Assert.HasCount(4, File.ReadAllLines(output));
    }

    [TestMethod]
    public void BadInput_GivesOneClearLineAndExitCodeOne()
    {
        var missing = TrainerProcess.Run("evaluate", "--model", _model, "--dataset", _folder.PathOf("missing.csv"));
        Assert.AreEqual(1, missing.ExitCode);
        StringAssert.Contains(missing.Error, "missing.csv");
        Assert.HasCount(1, missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var badLabel = _folder.WriteText("bad-label.csv", "text,label\ngood film,1\nbad film,maybe\n");
        var wrong = TrainerProcess.Run("train", "--dataset", badLabel, "--output", _folder.PathOf("never.zip"));
        Assert.AreEqual(1, wrong.ExitCode);
        StringAssert.Contains(wrong.Error, "line 3");
        StringAssert.Contains(wrong.Error, "maybe");
        Assert.IsFalse(File.Exists(_folder.PathOf("never.zip")));
    }

    [TestMethod]
    public void TrainWithoutDataset_Offline_SaysHowToPassADataset()
    {
        var cache = _folder.PathOf("cache");
        var environment = new Dictionary<string, string>
        {
            ["IMDB_SENTIMENT_CACHE"] = cache,
            ["IMDB_SENTIMENT_DATASET_URL"] = $"http://127.0.0.1:{LoopbackHttp.FreePort()}/aclImdb_v1.tar.gz",
        };
        var outcome = TrainerProcess.RunWith(null, environment, "train", "--output", _folder.PathOf("offline.zip"));

        Assert.AreEqual(1, outcome.ExitCode);
        StringAssert.Contains(outcome.Error, "--dataset");
    }

    [TestMethod]
    [DataRow("train")]
    [DataRow("evaluate")]
    [DataRow("predict")]
    [DataRow("score")]
    public void EveryCommand_HasHelp(string command)
    {
        var outcome = TrainerProcess.Run(command, "--help");
        Assert.AreEqual(0, outcome.ExitCode);
        StringAssert.Contains(outcome.Output, "--model");
    }
}
