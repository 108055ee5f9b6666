using System.Globalization;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Scores a CSV/TSV file of any size in constant memory: it streams the records, writes each record's text back as it
/// stood (its quoting, and bytes that are not UTF-8, as they were), appends PredictedLabel and Probability, and writes the
/// output atomically. A record over <see cref="RecordLimit.MaxLength"/> characters is refused.
/// </summary>
public static class CsvBatchScorer
{
    private static readonly string[] AppendedColumns = [ColumnNames.PredictedLabel, ColumnNames.Probability];

    internal const int ChunkSize = 4096;

    public static CsvScoringResult Score(
        SentimentModel model, string inputPath, string outputPath, DelimitedFileOptions options,
        Action<long>? rowsScored = null, CancellationToken cancellation = default)
    {
        using var scorer = SentimentScorer.Over(model);
        return Score(scorer, inputPath, outputPath, options, rowsScored, cancellation);
    }

    internal static CsvScoringResult Score(
        SentimentScorer model, string inputPath, string outputPath, DelimitedFileOptions options,
        Action<long>? rowsScored = null, CancellationToken cancellation = default)
    {
        if (!File.Exists(inputPath))
            throw new FileNotFoundException($"Input file not found: {inputPath}", inputPath);
        if (CanonicalPath.SameFile(inputPath, outputPath))
            throw new ArgumentException($"the output {outputPath} is the input file {inputPath}: scoring would replace the reviews with their scored copy; write the output to another file");

        // Columns are passed through byte for byte, even bytes that are not UTF-8.
        using var records = DelimitedRecordReader.OpenKeepingInvalidBytes(inputPath, options.Separator, options.Quoting);
        CsvScoringResult result = new(0, 0, false);
        AtomicFile.Write(outputPath, temporary =>
        {
            using var writer = DelimitedRecordWriter.CreateRestoringBytes(temporary, records.Separator);
            result = ScoreRecords(model, records, writer, inputPath, options, rowsScored, cancellation);
        });
        return result;
    }

    private static CsvScoringResult ScoreRecords(
        SentimentScorer scorer, DelimitedRecordReader records, DelimitedRecordWriter writer, string inputPath,
        DelimitedFileOptions options, Action<long>? rowsScored, CancellationToken cancellation)
    {
        var first = records.ReadRecord() ?? throw new DataFormatException(inputPath, null, "the file is empty: expected rows with a review text");
        RefuseOverlong(inputPath, first);
        var layout = DelimitedLayout.Resolve(inputPath, first, options, rowsHoldLabels: false);
        var (hasHeader, fieldCount, textIndex) = (layout.HasHeader, layout.FieldCount, layout.TextIndex);
        if (hasHeader)
        {
            RefuseScoredFile(inputPath, first);
            writer.WriteExtended(first.Text!, AppendedColumns);
        }
        long scored = 0, skipped = 0;
        var chunk = new List<string>(ChunkSize);
        var texts = new List<string?>(ChunkSize);
        for (var record = hasHeader ? records.ReadRecord() : first; ; record = records.ReadRecord())
        {
            if (record is { } row)
            {
                RefuseOverlong(inputPath, row);
                if (row.Fields.Length != fieldCount)
                    throw new DataFormatException(inputPath, row.Line, $"expected {Plural.Of(fieldCount, "field")}, as in the first record, but found {row.Fields.Length}");
                var text = row.Fields[textIndex];
                var hasWords = ReviewText.HasWords(text);
                if (!hasWords && !options.SkipEmptyText)
                {
                    throw new DataFormatException(inputPath, row.Line,
                        $"the review text in {layout.TextColumn} {ReviewText.NoWords}: expected the text of a review, or SkipEmptyText to leave such rows unscored", nameof(DelimitedFileOptions.SkipEmptyText));
                }
                chunk.Add(row.Text!);
                texts.Add(hasWords ? text : null);
            }

            if (chunk.Count == ChunkSize || (record is null && chunk.Count > 0))
            {
                cancellation.ThrowIfCancellationRequested();
                var probabilities = scorer.Probabilities(texts, cancellation);
                for (var i = 0; i < chunk.Count; i++)
                {
                    if (probabilities[i] is { } probability)
                    {
                        // The label rule of SentimentOutputMapping, which the PredictionEngine applies.
                        writer.WriteExtended(chunk[i], [SentimentOutputMapping.IsPositive(probability) ? "true" : "false", probability.ToString("0.######", CultureInfo.InvariantCulture)]);
                        scored++;
                    }
                    else
                    {
                        writer.WriteExtended(chunk[i], ["", ""]);
                        skipped++;
                    }
                }

                chunk.Clear();
                texts.Clear();
                rowsScored?.Invoke(scored);
            }

            if (record is null)
                return new CsvScoringResult(scored, skipped, hasHeader);
        }
    }

    private static void RefuseOverlong(string path, DelimitedRecord record)
    {
        if (record.Overlong)
            throw new DataFormatException(path, record.Line, $"{RecordLimit.RecordTooLong}: expected one review per record");
    }

    // Appending the columns again would give the output two columns of each name.
    private static void RefuseScoredFile(string path, DelimitedRecord header)
    {
        if (AppendedColumns.Any(column => DelimitedColumns.FindName(header.Fields, column) >= 0))
        {
            throw new DataFormatException(path, header.Line,
                $"the header already has a {string.Join(" or ", AppendedColumns)} column, so the file looks scored already: score the original file, or rename those columns");
        }
    }
}
