using ImdbSentiment.Model.Serving;
using ImdbSentiment.Model.Text;

namespace ImdbSentiment.Tests.Serving;

/// <summary>
/// The keys of an n-gram vocabulary's lines (<see cref="NgramLineKeys"/>): however many runs the text is cut into and
/// keyed in parallel, each line's key holds the ids of exactly its words, split on the separator as the n-gram was
/// joined, and one word has one id in every run.
/// </summary>
[TestClass]
public sealed class NgramLineKeysTests
{
    private static readonly string[] Lines =
    [
        "not", "good", "not good", "", "good film", "not good", "not good at all", "NOT", "film", "not  good", " film",
        "good film ", "bad\tfilm", "bad", "bad film", "film\r", "not good film", "the", "the the", "the the the",
        "straße", "ﬁlm", "İstanbul σίσυφος", "ǆemal ǅemal", "映画 は 良かった", "\uD83C\uDFAC film",
        string.Concat(Enumerable.Repeat("verylongword", 2_000)), "good", "verylongword good", "film not good",
    ];

    public static IEnumerable<object[]> Texts =>
    [
        [string.Join('\n', Lines)],
        [string.Join('\n', Lines) + "\n"],
        [string.Join('\n', Lines) + "\n\n"],
        ["\n" + string.Join('\n', Lines)],
    ];

    [TestMethod]
    [DynamicData(nameof(Texts))]
    public void EveryRunCount_KeysEachLine_ByExactlyItsWords(string text)
    {
        var expected = ExpectedLines(text);
        foreach (var runCount in new[] { 1, 2, 3, 4, 7, 64 })
        {
            var keyed = NgramLineKeys.Of(text, runCount);
            var words = keyed.WordIds.Dictionary.ToDictionary(entry => entry.Value, entry => entry.Key);

            Assert.HasCount(expected.Length, keyed.Keys, $"lines with {runCount} runs");
            for (var line = 0; line < expected.Length; line++)
            {
                var parts = expected[line].Split(Ngrams.Separator);
                string[] keyedWords = [.. Enumerable.Range(0, Ngrams.LongestSupported)
                    .Select(position => NgramVocabulary.WordIdAt(keyed.Keys[line], position)).TakeWhile(id => id > 0).Select(id => words[id])];
                CollectionAssert.AreEqual(parts.Length <= Ngrams.LongestSupported ? parts : [], keyedWords, $"line {line} ({expected[line][..Math.Min(20, expected[line].Length)]}) with {runCount} runs");
            }
            CollectionAssert.AreEquivalent(words.Keys.ToArray(), Enumerable.Range(1, words.Count).ToArray(), "word ids 1 to the number of words");
        }
    }

    [TestMethod]
    public void EmptyText_HasNoLines()
    {
        foreach (var runCount in new[] { 1, 2, 5 })
            Assert.IsEmpty(NgramLineKeys.Of("", runCount).Keys);
    }

    /// <summary>The lines as the model file splits them: on line breaks, a break at the very end starting no line.</summary>
    private static string[] ExpectedLines(string text) => text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
}
