using ImdbSentiment.Trainer.Reports;

namespace ImdbSentiment.Tests.Reports;

[TestClass]
public sealed class CommandLineTextTests
{
    [TestMethod]
    public void Format_RunsADllThroughDotnet_AndQuotesWhatAShellWouldSplitOrExpand()
    {
        var text = CommandLineText.Format(["/opt/app/imdb-sentiment.dll", "train", "--output", "my models/a.zip", "--data", "it's", "--x", "", "$HOME"]);

        Assert.AreEqual(@"dotnet /opt/app/imdb-sentiment.dll train --output 'my models/a.zip' --data 'it'\''s' --x '' '$HOME'", text);
    }

    [TestMethod]
    public void Format_LeavesAnExecutableAsItIs() =>
        Assert.AreEqual("/usr/bin/imdb-sentiment train --epochs 5", CommandLineText.Format(["/usr/bin/imdb-sentiment", "train", "--epochs", "5"]));

    [TestMethod]
    public void Format_WithAWorkingDirectory_ChangesToItFirst() =>
        Assert.AreEqual("cd '/home/me/my work' && imdb-sentiment train --output models/a.zip", CommandLineText.Format(["imdb-sentiment", "train", "--output", "models/a.zip"], "/home/me/my work"));

    [TestMethod]
    public void WithFileNamesOnly_DropsTheFolderChange_AndCutsEveryPathToItsFileName()
    {
        var command = CommandLineText.Format(
            ["/work/main/bin/imdb-sentiment.dll", "train", "--dataset", "/home/me/private data/it's.tsv", "--output=/srv/models/a.zip", "--report-dir", "reports/a/", "--epochs", "5"],
            "/home/me/my work");

        Assert.AreEqual("dotnet imdb-sentiment.dll train --dataset 'it'\\''s.tsv' --output=a.zip --report-dir a --epochs 5", CommandLineText.WithFileNamesOnly(command));
    }

    [TestMethod]
    public void WithFileNamesOnly_OfTextThatIsNotSuchACommand_IsNull() =>
        Assert.IsNull(CommandLineText.WithFileNamesOnly("train --dataset '/home/me/unclosed"));
}
