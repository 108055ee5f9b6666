using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Evaluation;
using ImdbSentiment.Tests.Data;
using ImdbSentiment.Training;
using Microsoft.ML;

namespace ImdbSentiment.Tests.EndToEnd;

/// <summary>
/// The default recipe (book-embedding with its initialisation guard), trained on the shared reviews without the
/// development-test set and validated by movie, reaches the book's accuracy on the development-test set for seed 42
/// and for seed 2 (one of the seeds whose unguarded run settled into a poor solution). Slow (about 2 minutes), so
/// opt-in: dotnet test ImdbSentiment.Tests -c Release --filter TestCategory=EndToEnd
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class SeedRecipeTests
{
    [TestMethod]
    [DataRow(42)]
    [DataRow(2)]
    public void DefaultRecipe_ReachesTheBooksAccuracy_OnTheDevelopmentTestSet(int seed)
    {
        var (training, developmentTest) = DevelopmentTestSet.Split(AclImdbReader.ReadAll(SharedAclImdbArchiveTests.ArchivePath()).Train);
        var recipe = TrainingRecipes.Get(TrainingRecipes.Default);
        var options = recipe with { SplitBy = SplitKind.Group, Trainer = recipe.Trainer with { Seed = seed } };
        var mlContext = new MLContext(seed: seed);
        var pipeline = new SentimentTrainingPipeline(mlContext, options);

        var trained = pipeline.Train(pipeline.Prepare(training));
        var accuracy = SentimentMetrics.Evaluate(mlContext, trained.Model.Transform(mlContext.Data.LoadFromEnumerable(developmentTest))).Accuracy;
        (trained.Model as IDisposable)?.Dispose();

        Assert.IsGreaterThanOrEqualTo(0.78, accuracy, $"seed {seed}: best epoch {trained.Training.Result.BestEpoch} of {trained.Training.Result.History.Count}");
    }
}
