using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Tests.Text;

[TestClass]
public sealed class ReviewTokenizerTests
{
    [TestMethod]
    [DataRow("A GREAT film!<br /><br />Didn't like the END, though.", new[] { "a", "great", "film", "didn't", "like", "the", "end", "though" })]
    [DataRow("<BR>br<br/>x<br >y<br x>", new[] { "br", "x", "y", "br", "x" })]
    [DataRow("  10/10, Ünïcode ok...", new[] { "10", "10", "ünïcode", "ok" })]
    [DataRow("!!!", new string[0])]
    public void Tokenize_SplitsAndLowerCases(string text, string[] expected) =>
        CollectionAssert.AreEqual(expected, ReviewTokenizer.Tokenize(text));

    [TestMethod]
    [DataRow("A GREAT film!<br /><br />Didn't like the END, though.")]
    [DataRow("<BR>br<br/>x<br >y<br x>")]
    [DataRow("It's 'quoted' -- and\ttabbed\nlines")]
    public void WordSpans_AreWhereTheTokensAre_InTheReviewsOwnSpelling(string text)
    {
        var spans = ReviewTokenizer.WordSpans(text);
        var tokens = ReviewTokenizer.Tokenize(text);

        CollectionAssert.AreEqual(tokens, spans.Select(span => text.Substring(span.Start, span.Length).ToLowerInvariant()).ToArray());
        CollectionAssert.AreEqual(tokens, spans.Select(span => ReviewTokenizer.Word(text, span)).ToArray());
        Assert.IsTrue(spans.Zip(spans.Skip(1)).All(pair => pair.First.End < pair.Second.Start), "in order, apart");
    }
}
