namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 12, item 2, and issue 23, item 2: export writes its folder whole or not at all; an existing non-empty folder
/// is replaced only with --force, only when it holds an earlier export (the files its manifest lists) and nothing
/// else, and the output names what it replaced; bad paths get one error line.
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
        fault.AssertOnlyLeft(ExportFiles(output));
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
    public void Export_WithForce_ReplacesAnEarlierExport_NamingWhatItReplaced()
    {
        using var fault = new FaultCase();
        var output = fault.PathOf("export");
        Assert.AreEqual(0, fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output).ExitCode);

        var replaced = fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output, "--force");

        Assert.AreEqual(0, replaced.ExitCode, replaced.Error);
        StringAssert.Contains(replaced.Output, "It replaced the earlier export's export-manifest.json, featurizer.json, model.onnx, vocabulary.txt.");
        fault.AssertOnlyLeft(ExportFiles(output));
    }

    [TestMethod]
    public void Export_WithForce_IntoAnEarlierExportThatAlsoHoldsTheUsersFiles_IsRefused_NamingThem_AndKeepsAll()
    {
        using var fault = new FaultCase();
        var output = fault.PathOf("export");
        Assert.AreEqual(0, fault.Run("export", "--model", FaultCase.ShippedModel, "--output", output).ExitCode);
        var exported = ExportFiles(output).ToDictionary(file => file, File.ReadAllBytes);
        foreach (var file in exported.Keys)
            fault.Remember(file);
        var important = fault.Input("export/important.txt", "mine");
        var nested = fault.Input("export/sub/notes.txt", "mine too");

        var refused = fault.Run("export", "--model", FaultCase.BestModel, "--output", output, "--force");

        FaultAssert.OneErrorLine(refused, FaultAssert.Failure, "--output", "important.txt, sub", "did not write", "export-manifest.json");
        Assert.AreEqual("mine", File.ReadAllText(important));
        Assert.AreEqual("mine too", File.ReadAllText(nested));
        foreach (var (file, bytes) in exported)
            CollectionAssert.AreEqual(bytes, File.ReadAllBytes(file), $"{file} is kept");
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void Export_WithForce_IntoTheWorkingFolderHoldingACopiedFeaturizerJson_IsRefused_AndDeletesNothing()
    {
        using var fault = new FaultCase();
        var spec = fault.Input("featurizer.json", "{}");
        var source = fault.Input("predict.py", "print('mine')");

        // In the case's folder, so that "." is it.
        using var export = new RunningCommand(fault, "export", "--model", FaultCase.ShippedModel, "--output", ".", "--force");
        var outcome = export.WaitForExit();

        FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, "--output", "no export-manifest.json", "not an export");
        Assert.AreEqual("{}", File.ReadAllText(spec));
        Assert.AreEqual("print('mine')", File.ReadAllText(source));
        fault.AssertOnlyLeft();
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

    private static string[] ExportFiles(string output) =>
        new[] { "model.onnx", "vocabulary.txt", "featurizer.json", "export-manifest.json" }.Select(name => Path.Combine(output, name)).ToArray();
}
