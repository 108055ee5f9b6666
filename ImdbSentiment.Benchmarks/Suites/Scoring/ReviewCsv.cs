using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Benchmarks.Suites.Scoring;

/// <summary>The reviews as the CSV a user would score: one "text" column, full-length reviews.</summary>
internal static class ReviewCsv
{
    public static void Write(IReadOnlyList<LabeledReview> reviews, string path)
    {
        using var writer = DelimitedRecordWriter.Create(path, ',');
        writer.WriteRecord("text");
        foreach (var review in reviews)
            writer.WriteRecord(review.Text);
    }
}
