using ImdbSentiment.Trainer.Cli;

namespace ImdbSentiment.Tests.Cli;

/// <summary>A command line naming a command builds only that command; anything else (help, a typo) builds them all.</summary>
[TestClass]
public sealed class CommandSetTests
{
    [TestMethod]
    public void EachEntry_BuildsTheCommandItIsNamedFor()
    {
        foreach (var (name, create) in CommandSet.Commands)
            Assert.AreEqual(name, create().Name);
    }

    [TestMethod]
    public void ANamedCommand_IsTheOnlyOneBuilt()
    {
        var root = CommandSet.Root(["predict", "--model", "m.zip", "a film"]);

        Assert.AreEqual("predict", root.Subcommands.Single().Name);
        Assert.IsEmpty(root.Parse(["predict", "--model", "m.zip", "a film"]).Errors);
    }

    [TestMethod]
    [DataRow("--help")]
    [DataRow("predcit")]
    public void AnyOtherFirstArgument_BuildsEveryCommand(string first)
    {
        var root = CommandSet.Root([first]);

        CollectionAssert.AreEqual(CommandSet.Commands.Select(command => command.Name).ToArray(), root.Subcommands.Select(command => command.Name).ToArray());
    }
}
