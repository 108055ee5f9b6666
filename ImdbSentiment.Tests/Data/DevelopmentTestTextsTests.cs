using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class DevelopmentTestTextsTests
{
    [TestMethod]
    public void UnlabelledTexts_ThatAreDevelopmentTestReviews_AreLeftOut_AndNothingElse()
    {
        LabeledReview[] held = [new() { Text = "held out review", Label = true, Group = "m1" }, new() { Text = "another", Group = "m2" }];
        string[] unlabelled = ["an unlabelled review", "held out review", "Held out review", "another ", "another"];

        var kept = DevelopmentTestSet.WithoutTextsOf(unlabelled, held);

        CollectionAssert.AreEqual(new[] { "an unlabelled review", "Held out review", "another " }, kept.ToArray());
    }
}
