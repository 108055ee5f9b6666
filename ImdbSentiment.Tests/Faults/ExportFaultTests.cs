namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 12, item 2: export writes its folder whole or not at all; an existing non-empty folder is replaced only with
/// --force, and only when it holds an earlier export; bad paths get one error line.
/// </summary>
[TestClass]
public sealed class ExportFaultTests
{
    [TestMethod]
    public void Export_WritesTheFolder_AndLeavesNothingElse()
    {
        using var fault = new FaultCase();
        var output = fault.PathOf("export");

        var outcome = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output);

        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "vocabulary.txt (497 words");
        fault.AssertOnlyLeft(Path.Combine(output, "model.onnx"), Path.Combine(output, "vocabulary.txt"), Path.Combine(output, "featurizer.json"));
    }

    [TestMethod]
    public void Export_IntoANonEmptyFolder_IsRefusedWithoutForce_AndLeavesItAsItWas()
    {
        using var fault = new FaultCase();
        var kept = fault.Input("export/notes.txt", "mine");

        var outcome = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", fault.PathOf("export"));

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--output", "is not empty", "--force");
        Assert.AreEqual("mine", File.ReadAllText(kept));
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Export_WithForce_ReplacesAnEarlierExport_ButNotAFolderOfOtherFiles()
    {
        using var fault = new FaultCase();
        var output = fault.PathOf("export");
        Assert.AreEqual(0, fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output).ExitCode);
        File.WriteAllText(Path.Combine(output, "stale.txt"), "from before");

        var replaced = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output, "--force");

        Assert.AreEqual(0, replaced.ExitCode, replaced.Error);
        Assert.IsFalse(File.Exists(Path.Combine(output, "stale.txt")), "the folder is replaced whole");
        var other = fault.Input("other/notes.txt", "mine");
        var refused = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", fault.PathOf("other"), "--force");
        FaultAssert.OneErrorLine(refused, FaultAssert.Failure, "--output", "no featurizer.json", "replaces only an earlier export");
        Assert.AreEqual("mine", File.ReadAllText(other));
        fault.AssertOnlyLeft(Path.Combine(output, "model.onnx"), Path.Combine(output, "vocabulary.txt"), Path.Combine(output, "featurizer.json"));
    }

    [TestMethod]
    public void Export_ToAFile_OrFromAMissingModel_IsRefused_AndWritesNothing()
    {
        using var fault = new FaultCase();
        var file = fault.Input("export.txt", "a file");

        var toFile = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", file);
        var missing = fault.Run("export", "--model", fault.PathOf("missing.zip"), "--output", fault.PathOf("export"));
        var noOutput = fault.Run("export", "--model", FaultCase.ShippedModel);

        FaultAssert.OneErrorLine(toFile, FaultAssert.Failure, "--output", "is a file");
        FaultAssert.OneErrorLine(missing, FaultAssert.Failure, "missing.zip", "no model file there");
        FaultAssert.OneErrorLine(noOutput, FaultAssert.Usage, "--output");
        fault.AssertOnlyLeft();
    }
}
