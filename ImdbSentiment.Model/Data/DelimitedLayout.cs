namespace ImdbSentiment.Model.Data;

/// <summary>Where the label and the text are in a delimited file, settled from its first record and the options.</summary>
internal sealed record DelimitedLayout(bool HasHeader, int FieldCount, int LabelIndex, int TextIndex, string LabelColumn, string TextColumn, int? GroupIndex = null)
{
    private static readonly string[] LabelNames = ["label", "sentiment"];
    private static readonly string[] TextNames = ["text", "review"];

    public static DelimitedLayout Resolve(string path, DelimitedRecord first, DelimitedFileOptions options)
    {
        var fields = first.Fields;
        var header = (options.HasHeader ?? StartsWithHeader(fields, options.LabelColumn)) ? fields : null;

        var labelIndex = options.LabelColumn is { } label
            ? Locate(path, first, header, "label", label)
            : DefaultLabel(path, first, header);
        var textIndex = options.TextColumn is { } text
            ? Locate(path, first, header, "text", text)
            : DefaultText(path, first, header, labelIndex);
        if (labelIndex == textIndex)
            throw new DataFormatException(path, first.Line, $"the label and the text are both {Describe(labelIndex, header)}: expected two different columns");

        int? groupIndex = options.GroupColumn is { } group ? Locate(path, first, header, "group", group) : null;
        if (groupIndex == labelIndex || groupIndex == textIndex)
            throw new DataFormatException(path, first.Line, $"the group column is also the label or the text column ({Describe(groupIndex!.Value, header)}): expected a column of its own");

        return new DelimitedLayout(header is not null, fields.Length, labelIndex, textIndex, Describe(labelIndex, header), Describe(textIndex, header), groupIndex);
    }

    private static bool StartsWithHeader(string[] fields, string? labelColumn)
    {
        if (labelColumn is null)
            return !fields.Any(field => ReviewLabel.TryParse(field, out _));
        if (!DelimitedColumns.TryParseIndex(labelColumn, out var index))
            return true;
        return index < fields.Length && !ReviewLabel.TryParse(fields[index], out _);
    }

    /// <summary>The column a 0-based index or a header name points at; an error names the file, the line and what was expected.</summary>
    internal static int Locate(string path, DelimitedRecord first, string[]? header, string role, string column)
    {
        if (DelimitedColumns.TryParseIndex(column, out var index))
        {
            return index < first.Fields.Length
                ? index
                : throw new DataFormatException(path, first.Line,
                    $"the {role} column index {index} is beyond the {first.Fields.Length} fields of the record: expected a 0-based index below {first.Fields.Length}");
        }
        if (header is null)
        {
            throw new DataFormatException(path, first.Line,
                $"the {role} column '{column}' is a name, which needs a header row, but the file is read without one: set HasHeader or give a 0-based column index");
        }
        var found = DelimitedColumns.FindName(header, column);
        return found >= 0
            ? found
            : throw new DataFormatException(path, first.Line, $"the {role} column '{column}' is not in the header: expected one of {DelimitedColumns.ListHeader(header)}");
    }

    private static int DefaultLabel(string path, DelimitedRecord first, string[]? header)
    {
        if (header is not null)
        {
            var named = LabelNames.Select(name => DelimitedColumns.FindName(header, name)).FirstOrDefault(index => index >= 0, -1);
            return named >= 0
                ? named
                : throw new DataFormatException(path, first.Line,
                    $"no label column is given and the header has none named {string.Join(" or ", LabelNames)}: set the label column; the header is {DelimitedColumns.ListHeader(header)}");
        }
        var candidates = Enumerable.Range(0, first.Fields.Length).Where(i => ReviewLabel.TryParse(first.Fields[i], out _)).ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new DataFormatException(path, first.Line,
                $"no label column is given and {candidates.Count} fields of the first row hold a label value: set the label column");
    }

    private static int DefaultText(string path, DelimitedRecord first, string[]? header, int labelIndex)
    {
        if (first.Fields.Length == 2)
            return 1 - labelIndex;
        var named = header is null ? -1 : TextNames.Select(name => DelimitedColumns.FindName(header, name)).FirstOrDefault(index => index >= 0, -1);
        return named >= 0
            ? named
            : throw new DataFormatException(path, first.Line,
                $"no text column is given and the record has {first.Fields.Length} fields: set the text column (the default is the other column of two, or a header column named {string.Join(" or ", TextNames)})");
    }


    private static string Describe(int index, string[]? header) => header is null ? $"column {index}" : $"column '{header[index]}'";
}
