namespace ImdbSentiment.Benchmarks.Reporting;

/// <summary>A markdown table padded into columns, so it reads well both in a terminal and rendered.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int RowCount => _rows.Count;

    public MarkdownTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"The table has {headers.Length} columns, the row {cells.Length} cells.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Columns of figures (every cell empty or starting with a digit) are right-aligned, the others left-aligned.</summary>
    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Append(3).Max()).ToArray();
        var right = headers.Select((_, column) => _rows.All(row => row[column].Length == 0 || char.IsDigit(row[column][0]))).ToArray();
        WriteRow(writer, headers, widths, right);
        WriteRow(writer, widths.Select((width, column) => right[column] ? new string('-', width - 1) + ":" : new string('-', width)).ToArray(), widths, right);
        foreach (var row in _rows)
            WriteRow(writer, row, widths, right);
        writer.WriteLine();
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths, bool[] right) =>
        writer.WriteLine("| " + string.Join(" | ", cells.Select((cell, column) => right[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]))) + " |");
}
