using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Tests.Data;

[TestClass]
public sealed class DelimitedReviewReaderTests
{
    private static List<LabeledReview> Read(string content, DelimitedFileOptions? options = null, bool byteOrderMark = false)
    {
        using var fixtures = new DataFixtures();
        var result = DelimitedReviewReader.Read(fixtures.WriteText("reviews.txt", content, byteOrderMark), options);
        Assert.AreEqual(0, result.SkippedRows);
        return [.. result.Reviews];
    }

    private static void AssertReviews(IReadOnlyList<LabeledReview> reviews, params (bool Label, string Text)[] expected)
    {
        Assert.HasCount(expected.Length, reviews);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i].Label, reviews[i].Label, $"label of review {i}");
            Assert.AreEqual(expected[i].Text, reviews[i].Text, $"text of review {i}");
        }
    }

    [TestMethod]
    [DataRow(",")]
    [DataRow("\t")]
    [DataRow(";")]
    public void Separator_IsDetectedFromTheFirstLine(string separator) =>
        AssertReviews(Read($"label{separator}text\n1{separator}Loved it\n0{separator}Hated it\n"),
            (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    [DataRow(',')]
    [DataRow('\t')]
    [DataRow(';')]
    public void Separator_CanBeGiven(char separator) =>
        AssertReviews(Read($"label{separator}text\n1{separator}Loved it\n", new DelimitedFileOptions { Separator = separator }), (true, "Loved it"));

    [TestMethod]
    public void Separator_Given_OverridesDetection() =>
        // Detection would pick the comma: the first line has more commas than semicolons.
        AssertReviews(Read("label;the review, with commas, in its name\n1;Loved it, a lot\n", new DelimitedFileOptions { Separator = ';' }),
            (true, "Loved it, a lot"));

    [TestMethod]
    public void NoHeader_IsDetectedWhenTheFirstRowHoldsALabel() =>
        AssertReviews(Read("1,Loved it\nneg,Hated it\n"), (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    public void NoHeader_LabelInTheSecondColumn_IsFound() =>
        AssertReviews(Read("Loved it\tpositive\nHated it\tnegative\n"), (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    public void Header_WithSentimentAndReview_InKaggleOrder() =>
        AssertReviews(Read("review,sentiment\n\"Loved it, truly\",positive\nHated it,negative\n"),
            (true, "Loved it, truly"), (false, "Hated it"));

    [TestMethod]
    public void Header_WithManyColumns_FindsLabelAndTextByTheirUsualNames() =>
        AssertReviews(Read("id,Review,rating,Sentiment\n7,Loved it,9,pos\n8,Hated it,2,neg\n"),
            (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    public void Columns_ByName_AnyCase() =>
        AssertReviews(Read("id;Stars;Body;Verdict\n1;9;Loved it;TRUE\n2;1;Hated it;FALSE\n",
                new DelimitedFileOptions { LabelColumn = "verdict", TextColumn = "BODY" }),
            (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    public void Columns_ByIndex_WithoutHeader() =>
        AssertReviews(Read("Loved it,x,1\nHated it,y,0\n", new DelimitedFileOptions { LabelColumn = "2", TextColumn = "0" }),
            (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    public void LabelByIndex_DetectsAHeader_AndTheTextIsTheOtherColumn() =>
        AssertReviews(Read("comment,score\nLoved it,1\n", new DelimitedFileOptions { LabelColumn = "1" }), (true, "Loved it"));

    [TestMethod]
    public void HasHeader_True_OverridesDetection() =>
        // "1" and "0" are label values, so detection would read the first row as a review.
        AssertReviews(Read("1,0\n1,Loved it\n", new DelimitedFileOptions { HasHeader = true, LabelColumn = "0" }), (true, "Loved it"));

    [TestMethod]
    public void HasHeader_False_ReadsTheFirstRowAsAReview()
    {
        using var fixtures = new DataFixtures();
        var path = fixtures.WriteText("reviews.csv", "label,text\n1,Loved it\n");

        var error = Assert.ThrowsExactly<DataFormatException>(
            () => DelimitedReviewReader.Read(path, new DelimitedFileOptions { HasHeader = false, LabelColumn = "0" }));

        Assert.AreEqual(1L, error.Line);
        Assert.Contains("the label \"label\" in column 0 is not a label value", error.Message);
    }

    [TestMethod]
    public void QuotedFields_KeepSeparatorsDoubledQuotesAndLineBreaks() =>
        AssertReviews(Read("label,text\n1,\"Great, great; film\"\n0,\"He said \"\"meh\"\"\"\n1,\"<br />First line\nsecond line\"\n"),
            (true, "Great, great; film"), (false, "He said \"meh\""), (true, "<br />First line\nsecond line"));

    [TestMethod]
    public void CrLfLineEnds_AreNotPartOfTheText() =>
        AssertReviews(Read("label,text\r\n1,Loved it\r\n0,Hated it\r\n"), (true, "Loved it"), (false, "Hated it"));

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void ByteOrderMark_DoesNotSpoilTheFirstHeaderName(bool byteOrderMark) =>
        AssertReviews(Read("label,text\n1,Très bien ★\n", new DelimitedFileOptions { LabelColumn = "label" }, byteOrderMark),
            (true, "Très bien ★"));

    [TestMethod]
    public void EveryLabelSpelling_InAnyCase_WithSurroundingWhitespace()
    {
        var reviews = Read("label\ttext\n1\ta\n0\tb\ntrue\tc\nFALSE\td\n Positive \te\nnegative\tf\nPOS\tg\n  Neg \th\n");

        CollectionAssert.AreEqual(new[] { true, false, true, false, true, false, true, false }, reviews.Select(r => r.Label).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "d", "e", "f", "g", "h" }, reviews.Select(r => r.Text).ToArray());
    }

    [TestMethod]
    public void BlankLines_AreIgnored() =>
        AssertReviews(Read("\nlabel,text\n\n1,Loved it\n\n"), (true, "Loved it"));
}
