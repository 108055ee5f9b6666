namespace ImdbSentiment.Tests;

/// <summary>
/// Gives the test run a temporary folder of its own and removes it when the run ends. The in-process tests fit and
/// load ML.NET models, and ML.NET's OnnxTransformer unpacks each network to a temporary file that only the model's
/// Dispose removes (a fitted pipeline, an initialisation trial's model); those files used to stay in /tmp, about 80
/// a run. The command line's own temporary files are checked apart, per case, by <c>FaultCase</c>.
/// </summary>
[TestClass]
public static class TestRunTempFolder
{
    private static string? _folder;

    [AssemblyInitialize]
    public static void Create(TestContext _)
    {
        _folder = Path.Combine(Path.GetTempPath(), "imdb-sentiment-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("TMPDIR", _folder);
    }

    [AssemblyCleanup]
    public static void Remove()
    {
        if (_folder is not null)
            Directory.Delete(_folder, recursive: true);
    }
}
