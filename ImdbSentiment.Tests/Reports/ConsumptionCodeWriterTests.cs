using System.Text.RegularExpressions;
using ImdbSentiment.Model;
using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed partial class ConsumptionCodeWriterTests
{
    [TestMethod]
    public void Write_GivesModelInputOutputAndALazyEngineLoadedFromTheModelBesideTheApp()
    {
        using var folder = new ScratchFolder();
        var path = folder.File(ConsumptionCodeWriter.FileNameFor("imdb-sentiment.zip"));

        ConsumptionCodeWriter.Write(path, "imdb-sentiment.zip");

        var code = File.ReadAllText(path);
        Assert.Contains("namespace ImdbSentiment.Consumption", code);
        Assert.Contains("public class ModelInput", code);
        Assert.Contains("public class ModelOutput", code);
        Assert.Contains("public static class ImdbSentimentModel", code);
        Assert.Contains("public static readonly string MLNetModelPath = Path.Combine(AppContext.BaseDirectory, \"imdb-sentiment.zip\");", code);
        Assert.Contains("Lazy<PredictionEngine<ModelInput, ModelOutput>>", code);
        Assert.Contains("mlContext.Model.Load(MLNetModelPath, out _)", code);
        Assert.Contains("mlContext.ComponentCatalog.RegisterAssembly(typeof(global::ImdbSentiment.Model.ReviewInput).Assembly);", code);
        Assert.Contains("public static ModelOutput Predict(ModelInput input)", code);
        Assert.Contains("reference the ImdbSentiment.Model library", code);
        Assert.Contains("needs no TorchSharp-cpu", code);
        Assert.AreEqual(CountOf(code, '{'), CountOf(code, '}'), "balanced braces");
        CollectionAssert.AreEqual(new[] { ConsumptionCodeWriter.FileNameFor("imdb-sentiment.zip") }, folder.Files());
    }

    [TestMethod]
    public void ModelInputAndOutput_MatchTheTypesThePredictionEngineIsKnownToWorkWith()
    {
        var code = ConsumptionCodeWriter.Render("model.zip");

        // ReviewInput and SentimentPrediction are what the model's own tests predict with: same names, same types.
        CollectionAssert.AreEquivalent(PropertiesOf(typeof(ReviewInput)), PropertiesIn(ClassBody(code, "ModelInput")));
        CollectionAssert.AreEquivalent(PropertiesOf(typeof(SentimentPrediction)), PropertiesIn(ClassBody(code, "ModelOutput")));
        CollectionAssert.AreEquivalent(
            new[] { ColumnNames.PredictedLabel, ColumnNames.Score, ColumnNames.Probability },
            PropertiesIn(ClassBody(code, "ModelOutput")).Select(property => property.Split(' ')[1]).ToArray());
        foreach (var column in new[] { ColumnNames.Text, ColumnNames.PredictedLabel, ColumnNames.Score, ColumnNames.Probability })
            Assert.Contains($"[ColumnName(\"{column}\")]\n        public ", code.ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void Render_EscapesTheModelFileNameAsACSharpString()
    {
        var code = ConsumptionCodeWriter.Render("my \"best\" model.zip");

        Assert.Contains("AppContext.BaseDirectory, \"my \\\"best\\\" model.zip\")", code);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("models/model.zip")]
    [DataRow("model\n.zip")]
    public void Render_RejectsAnythingButAPlainFileName(string name) =>
        Assert.ThrowsExactly<ArgumentException>(() => ConsumptionCodeWriter.Render(name));

    private static string[] PropertiesOf(Type type) =>
        [.. type.GetProperties().Select(property => $"{Alias(property.PropertyType)} {property.Name}")];

    private static string[] PropertiesIn(string classBody) =>
        [.. PropertyPattern().Matches(classBody).Select(match => $"{match.Groups[1].Value} {match.Groups[2].Value}")];

    private static string ClassBody(string code, string name)
    {
        var start = code.IndexOf($"public class {name}", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, name);
        return code[start..code.IndexOf("\n    }", start, StringComparison.Ordinal)];
    }

    private static string Alias(Type type) =>
        type == typeof(string) ? "string" : type == typeof(bool) ? "bool" : type == typeof(float) ? "float" : type.Name;

    private static int CountOf(string text, char character) => text.Count(c => c == character);

    [GeneratedRegex(@"public (\w+) (\w+) \{ get; set; \}")]
    private static partial Regex PropertyPattern();
}
