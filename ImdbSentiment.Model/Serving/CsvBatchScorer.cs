using ImdbSentiment.Model;
using System.Globalization;
using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.IO;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// Scores a CSV/TSV file of any size in constant memory: it streams the records, keeps every original column with
/// valid quoting and its bytes as they were (even bytes that are not UTF-8), appends PredictedLabel and Probability,
/// and writes the output atomically.
/// </summary>
public static class CsvBatchScorer
{
    private static readonly string[] AppendedColumns = [ColumnNames.PredictedLabel, ColumnNames.Probability];

    public static CsvScoringResult Score(
        SentimentModel model, string inputPath, string outputPath, CsvScoringOptions options,
        Action<long>? rowsScored = null, CancellationToken cancellation = default)
    {
        if (!File.Exists(inputPath))
            throw new FileNotFoundException($"Input file not found: {inputPath}", inputPath);
        if (CanonicalPath.SameFile(inputPath, outputPath))
            throw new ArgumentException($"the output {outputPath} is the input file {inputPath}: scoring would replace the reviews with their scored copy; write the output to another file");

        var separator = options.Separator ?? SeparatorDetector.DetectInFile(inputPath);
        CsvScoringResult result = new(0, 0, false);
        AtomicFile.Write(outputPath, temporary =>
        {
            // Columns are passed through byte for byte, even bytes that are not UTF-8.
            using var records = DelimitedRecordReader.OpenKeepingInvalidBytes(inputPath, separator);
            using var writer = DelimitedRecordWriter.CreateRestoringBytes(temporary, separator);
            result = ScoreRecords(model, records, writer, inputPath, options, rowsScored, cancellation);
        });
        return result;
    }

    private static CsvScoringResult ScoreRecords(
        SentimentModel model, DelimitedRecordReader records, DelimitedRecordWriter writer, string inputPath,
        CsvScoringOptions options, Action<long>? rowsScored, CancellationToken cancellation)
    {
        var first = records.ReadRecord() ?? throw new DataFormatException(inputPath, null, "the file is empty: expected rows with a review text");
        var fieldCount = first.Fields.Length;
        var (hasHeader, textIndex) = DelimitedLayout.ResolveText(inputPath, first, options.TextColumn, options.HasHeader);
        var textColumn = hasHeader ? $"column '{first.Fields[textIndex]}'" : $"column {textIndex}";
        if (hasHeader)
        {
            RefuseScoredFile(inputPath, first);
            writer.WriteRecord([.. first.Fields, .. AppendedColumns]);
        }
        var scorer = new ChunkScorer(model);
        var counts = new ScoredCounts();
        using var reading = new ReadAheadChunks(records, ChunkScorer.ChunkSize, hasHeader ? null : first);
        // A chunk is written while the next one is scored; one chunk is scored at a time (the engines are the scorer's).
        List<DelimitedRecord>? scoringRows = null;
        Task<SentimentPrediction?[]>? scoring = null;
        try
        {
            foreach (var chunk in reading.Chunks())
            {
                foreach (var row in chunk)
                    CheckRow(row, fieldCount, textIndex, textColumn, inputPath, options);
                cancellation.ThrowIfCancellationRequested();
                var (scoredRows, predictions) = (scoringRows, scoring?.GetAwaiter().GetResult());
                (scoringRows, scoring) = (chunk, Task.Run(() => scorer.Score(chunk, textIndex), CancellationToken.None));
                if (predictions is not null)
                    WriteScored(writer, scoredRows!, predictions, counts, rowsScored);
            }
            if (scoring is not null)
                WriteScored(writer, scoringRows!, scoring.GetAwaiter().GetResult(), counts, rowsScored);
        }
        finally
        {
            // On a bad row, a write error or Ctrl-C, the chunk being scored still holds the engines: let it finish.
            if (scoring is not null)
                Task.WhenAny(scoring).Wait();
        }
        return new CsvScoringResult(counts.Scored, counts.Skipped, hasHeader);
    }

    private static void CheckRow(DelimitedRecord row, int fieldCount, int textIndex, string textColumn, string inputPath, CsvScoringOptions options)
    {
        if (row.Fields.Length != fieldCount)
            throw new DataFormatException(inputPath, row.Line, $"expected {Plural.Of(fieldCount, "field")}, as in the first record, but found {row.Fields.Length}");
        if (!options.SkipEmptyText && !ReviewText.HasWords(row.Fields[textIndex]))
        {
            throw new DataFormatException(inputPath, row.Line,
                $"the review text in {textColumn} {ReviewText.NoWords}: expected the text of a review, or SkipEmptyText to leave such rows unscored", nameof(CsvScoringOptions.SkipEmptyText));
        }
    }

    private static void WriteScored(
        DelimitedRecordWriter writer, List<DelimitedRecord> rows, SentimentPrediction?[] predictions, ScoredCounts counts, Action<long>? rowsScored)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (predictions[i] is { } prediction)
            {
                writer.WriteRecord([.. rows[i].Fields, prediction.PredictedLabel ? "true" : "false", prediction.Probability.ToString("0.######", CultureInfo.InvariantCulture)]);
                counts.Scored++;
            }
            else
            {
                writer.WriteRecord([.. rows[i].Fields, "", ""]);
                counts.Skipped++;
            }
        }
        rowsScored?.Invoke(counts.Scored);
    }

    private sealed class ScoredCounts
    {
        public long Scored { get; set; }

        public long Skipped { get; set; }
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
