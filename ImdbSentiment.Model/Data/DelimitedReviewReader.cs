using System.Diagnostics.CodeAnalysis;

namespace ImdbSentiment.Model.Data;

/// <summary>Reads labelled reviews from a delimited text file (CSV, TSV, semicolon-separated), UTF-8 with or without BOM.</summary>
public static class DelimitedReviewReader
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">
    /// The file is empty, a column cannot be found, a quoted field is malformed, or (without SkipBadRows) a row has a
    /// wrong field count, an unknown label, an empty text or more than <see cref="RecordLimit.MaxLength"/> characters.
    /// Malformed quoting always stops the read, because the record boundaries after it cannot be trusted.
    /// </exception>
    public static ReviewReadResult Read(string path, DelimitedFileOptions? options = null)
    {
        options ??= new DelimitedFileOptions();
        if (!File.Exists(path))
            throw new FileNotFoundException($"Review file not found: {path}", path);

        using var records = DelimitedRecordReader.Open(path, options.Separator, options.Quoting, readPastOverlongRecords: options.SkipBadRows);
        var first = records.ReadRecord() ?? throw EmptyFile(path);
        if (first.Overlong)
            throw new DataFormatException(path, first.Line, $"{RecordLimit.RecordTooLong}: the first record must name the columns or hold a review");
        var layout = DelimitedLayout.Resolve(path, first, options);

        var reviews = new List<LabeledReview>();
        var skipped = new List<DataFormatException>();
        for (var record = layout.HasHeader ? records.ReadRecord() : first; record is { } row; record = records.ReadRecord())
        {
            if (TryConvert(row, layout, out var review, out var problem))
                reviews.Add(review);
            else if (options.SkipBadRows)
                skipped.Add(new DataFormatException(path, row.Line, problem));
            else
                throw new DataFormatException(path, row.Line, $"{problem} ({nameof(DelimitedFileOptions.SkipBadRows)} skips and counts such rows)", nameof(DelimitedFileOptions.SkipBadRows));
        }

        if (reviews.Count == 0)
        {
            throw new DataFormatException(path, null, skipped.Count == 0
                ? "the file has a header but no reviews: expected rows of a label and a review text"
                : $"no usable reviews: all {Plural.Of(skipped.Count, "row")} were skipped (the first: {skipped[0].Message})");
        }
        return new ReviewReadResult(reviews, skipped);
    }

    private static bool TryConvert(DelimitedRecord row, DelimitedLayout layout, [NotNullWhen(true)] out LabeledReview? review, out string problem)
    {
        review = null;
        if (row.Overlong)
        {
            problem = RecordLimit.RecordTooLong;
            return false;
        }
        if (row.Fields.Length != layout.FieldCount)
        {
            problem = $"expected {Plural.Of(layout.FieldCount, "field")}, as in the first record, but found {row.Fields.Length}";
            return false;
        }
        // Resolved with rowsHoldLabels, the layout always has a label column.
        var labelValue = row.Fields[layout.LabelIndex!.Value];
        if (!ReviewLabel.TryParse(labelValue, out var label))
        {
            problem = $"the label \"{labelValue}\" in {layout.LabelColumn} is not a label value: expected one of {ReviewLabel.AcceptedValues}";
            return false;
        }
        var text = row.Fields[layout.TextIndex];
        if (!ReviewText.HasWords(text))
        {
            problem = $"the review text in {layout.TextColumn} {ReviewText.NoWords}: expected the text of a review";
            return false;
        }
        var group = layout.GroupIndex is { } groupIndex ? row.Fields[groupIndex].Trim() : "";
        if (layout.GroupIndex is not null && group.Length == 0)
        {
            problem = "the group is empty: expected the review's group (e.g. its movie) in the group column";
            return false;
        }
        review = new LabeledReview { Text = text, Label = label, Group = group };
        problem = "";
        return true;
    }


    private static DataFormatException EmptyFile(string path) =>
        new(path, null, "the file is empty: expected rows of a label and a review text");
}
