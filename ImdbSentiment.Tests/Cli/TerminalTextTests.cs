using ImdbSentiment.Trainer.Output;

namespace ImdbSentiment.Tests.Cli;

[TestClass]
public sealed class TerminalTextTests
{
    [TestMethod]
    public void Escape_ShowsEveryControlCharacter_AndLeavesTheRestAsItIs()
    {
        Assert.AreEqual(@"caf\u00e9? no: café \x1b[2J\x00\x07\t\n\r\x7f\x85\x9b \u2028\u2029\u202e\u2066 ✓ \",
            TerminalText.Escape("caf\\u00e9? no: café \u001b[2J\0\u0007\t\n\r\u007f\u0085\u009b \u2028\u2029\u202e\u2066 ✓ \\"));
    }

    [TestMethod]
    public void Escape_OfPlainText_IsTheSameString()
    {
        const string plain = "A fine film, 10/10 — «superb» 💀";
        Assert.AreSame(plain, TerminalText.Escape(plain));
    }

    [TestMethod]
    public void Escape_KeepingLineBreaks_KeepsOnlyThem() =>
        Assert.AreEqual("one\ntwo\\r\\x1b", TerminalText.Escape("one\ntwo\r\u001b", keepLineBreaks: true));

    [TestMethod]
    public void EscapeField_DoublesBackslashesFirst_SoTheFieldReadsBack() =>
        Assert.AreEqual(@"a\\tb\tc\\x1b\x1b", TerminalText.EscapeField("a\\tb\tc\\x1b\u001b"));
}
