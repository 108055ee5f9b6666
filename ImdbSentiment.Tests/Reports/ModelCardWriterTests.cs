using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class ModelCardWriterTests
{
    [TestMethod]
    public void Write_TellsWhatItIsTheDataRecipeResultsCommandLoadingAndLimits()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("model-card.md");

        ModelCardWriter.Write(path, ReportFixtures.CardContent(ReportFixtures.Test));

        var card = File.ReadAllText(path);
        StringAssert.StartsWith(card, "# Model card: imdb.zip");
        foreach (var section in new[] { "## What it is", "## Data", "## Recipe", "## Results", "## Reproduce", "## Load it", "## Limitations" })
            Assert.Contains(section, card);

        Assert.Contains("- Architecture: `embedding-rnn`", card);
        Assert.Contains("- Trainable parameters: 16,209", card); // 1000 * 16 + (16 * 8 + 8 * 8 + 8) + (8 + 1)
        Assert.Contains("- Source: `/data/aclImdb`", card);
        Assert.Contains("- Training reviews: 2,000 (1,012 positive, 988 negative; 50.6% positive)", card);
        Assert.Contains("- Validation reviews: 5,000 (2,502 positive, 2,498 negative; 50.0% positive)", card);
        Assert.Contains("- Out-of-vocabulary words in the training data: 12.3%", card);
        Assert.Contains("- Rows skipped as bad (`--skip-bad-rows`): training 12, validation 0, test 3", card);

        Assert.Contains("| featurizer.vocabularySize | 1000 |", card);
        Assert.Contains("| trainer.network.architecture | embedding-rnn |", card);
        Assert.Contains("| trainer.optimizer.learningRate | 0.0001 |", card);
        Assert.Contains("| trainer.fit.validationFraction | 0.2 |", card);

        Assert.Contains("| Metric | Validation | Test |", card);
        Assert.Contains("| Accuracy | 0.8123 | 0.7987 |", card);
        Assert.Contains("| AUC | 0.8911 | n/a |", card);
        Assert.Contains("| Log loss (bits) | 0.6012 | 0.6210 |", card);
        Assert.Contains("| Positive | 1,913 | 589 |", card);
        Assert.Contains("| Negative | 349 | 2,149 |", card);
        Assert.Contains("| Positive | 9,529 | 2,973 |", card);
        Assert.Contains("- Epochs run: 8 of at most 20 (stopped early)", card);
        Assert.Contains("- Best epoch: 6, validation loss 0.4400, validation accuracy 0.7300 (its weights are the model's)", card);
        Assert.Contains("- Mean seconds per epoch: 3.1", card);

        Assert.Contains("```sh\n" + ReportFixtures.CommandLine + "\n```", card.ReplaceLineEndings("\n"));
        Assert.Contains("mlContext.Model.Load(\"imdb.zip\", out _)", card);
        Assert.Contains("CreatePredictionEngine<ReviewInput, SentimentPrediction>", card);
        Assert.Contains("English", card);
        Assert.Contains("most frequent training words", card);
        CollectionAssert.AreEqual(new[] { "model-card.md" }, folder.Files());
    }

    [TestMethod]
    public void Render_WithoutTestMetrics_HasOnlyAValidationColumn()
    {
        var card = ModelCardWriter.Render(ReportFixtures.CardContent(test: null));

        Assert.Contains("| Metric | Validation |\n|---|---:|", card.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Test", card);
    }

    [TestMethod]
    public void Render_ADevelopmentTestSet_IsNamedSo_AndARefit_SaysItsValidationFiguresAreOnTrainedReviews()
    {
        var content = ReportFixtures.CardContent(ReportFixtures.Test) with { TestSetName = "Development-test" };
        content = content with { Training = content.Training with { RefitReviews = 7_000 } };

        var card = ModelCardWriter.Render(content);

        Assert.Contains("| Metric | Validation | Development-test |", card);
        Assert.Contains("- Development-test reviews: 25,000", card);
        Assert.Contains("refitted for that many epochs on all 7,000 training and validation reviews", card);
    }

    [TestMethod]
    public void Render_CancelledBeforeAnyEpoch_SaysSo()
    {
        var content = ReportFixtures.CardContent(test: null) with { Training = new([], 0, StoppedEarly: false, Cancelled: true) };

        var card = ModelCardWriter.Render(content);

        Assert.Contains("- Epochs run: 0 of at most 20 (cancelled)", card);
        Assert.Contains("- Best epoch: none finished", card);
        Assert.Contains("- Mean seconds per epoch: n/a", card);
    }
}
