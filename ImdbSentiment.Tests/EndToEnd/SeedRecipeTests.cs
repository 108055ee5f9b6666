using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Training;
using ImdbSentiment.Tests.Data;
using Microsoft.ML;

namespace ImdbSentiment.Tests.EndToEnd;

/// <summary>
/// The seed recipes on the real shared training split (20,000 train / 5,000 validation, seed 42) reach the book's
/// accuracy. Slow (about 2 minutes), so opt-in: dotnet test ImdbSentiment.Tests -c Release --filter TestCategory=EndToEnd
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class SeedRecipeTests
{
    [TestMethod]
    [DataRow(RecurrentArchitecture.OneHotRnn, 1)]
    [DataRow(RecurrentArchitecture.EmbeddingRnn, 3)]
    public void SeedRecipe_ReachesTheBooksValidationAccuracy(RecurrentArchitecture architecture, int initializationTrials)
    {
        var reviews = AclImdbReader.Read(SharedAclImdbArchiveTests.ArchivePath(), "train");
        var options = new SentimentTrainingOptions
        {
            Network = new RecurrentTrainerOptions { Architecture = architecture, Seed = 42, InitializationTrials = initializationTrials },
        };
        var pipeline = new SentimentTrainingPipeline(new MLContext(seed: 42), options);

        var result = pipeline.Train(pipeline.Prepare(reviews)).Network.Result;

        Assert.IsGreaterThanOrEqualTo(0.78, result.Best!.ValidationAccuracy, $"best epoch {result.BestEpoch} of {result.History.Count}");
    }
}
