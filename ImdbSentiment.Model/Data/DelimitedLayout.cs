namespace ImdbSentiment.Model.Data;

/// <summary>
/// Where the label, the text and the group are in a delimited file, settled from its first record and the options by
/// the one rule of train, evaluate and score. <see cref="LabelIndex"/> is null for a file read without labels (score)
/// whose label column is not known.
/// </summary>
internal sealed record DelimitedLayout(bool HasHeader, int FieldCount, int? LabelIndex, int TextIndex, string? LabelColumn, string TextColumn, int? GroupIndex = null)
{
    /// <param name="rowsHoldLabels">
    /// True for labelled reviews (train, evaluate): the label column must be found. False for score: the label
    /// column, when there is one, only helps find the text.
    /// </param>
    public static DelimitedLayout Resolve(string path, DelimitedRecord first, DelimitedFileOptions options, bool rowsHoldLabels = true)
    {
        var fields = first.Fields;
        var header = (options.HasHeader ?? DelimitedHeaderRule.StartsWithHeader(fields, options.LabelColumn, options.TextColumn, rowsHoldLabels))
            ? fields
            : null;

        int? labelIndex = options.LabelColumn is { } label ? Locate(path, first, header, "label", label)
            : rowsHoldLabels ? DefaultLabel(path, first, header)
            : options.TextColumn is null && fields.Length > 1 && FindDefaultLabel(fields, header) is >= 0 and var found ? found
            : null;
        var textIndex = options.TextColumn is { } text
            ? Locate(path, first, header, "text", text)
            : DefaultText(path, first, header, labelIndex);
        if (labelIndex == textIndex)
            throw new DataFormatException(path, first.Line, $"the label and the text are both {Describe(textIndex, header)}: expected two different columns");

        int? groupIndex = options.GroupColumn is { } group ? Locate(path, first, header, "group", group) : null;
        if (groupIndex is { } groupAt && (groupAt == labelIndex || groupAt == textIndex))
            throw new DataFormatException(path, first.Line, $"the group column is also the label or the text column ({Describe(groupAt, header)}): expected a column of its own");

        if (header is not null)
        {
            RequireOneColumnNamed(path, first, header, "label", labelIndex, options.LabelColumn);
            RequireOneColumnNamed(path, first, header, "text", textIndex, options.TextColumn);
            RequireOneColumnNamed(path, first, header, "group", groupIndex, options.GroupColumn);
        }

        return new DelimitedLayout(header is not null, fields.Length, labelIndex, textIndex,
            labelIndex is { } index ? Describe(index, header) : null, Describe(textIndex, header), groupIndex);
    }

    /// <summary>The column a 0-based index or a header name points at; an error names the file, the line and what was expected.</summary>
    internal static int Locate(string path, DelimitedRecord first, string[]? header, string role, string column)
    {
        if (DelimitedColumns.TryParseIndex(column, out var index))
        {
            return index < first.Fields.Length
                ? index
                : throw new DataFormatException(path, first.Line,
                    $"the {role} column index {index} is beyond the {Plural.Of(first.Fields.Length, "field")} of the record: expected a 0-based index below {first.Fields.Length}");
        }
        if (header is null)
        {
            throw new DataFormatException(path, first.Line,
                $"the {role} column '{column}' is a name, which needs a header row, but the file is read without one: set HasHeader to true or give a 0-based column index", nameof(DelimitedFileOptions.HasHeader));
        }
        var found = DelimitedColumns.FindName(header, column);
        return found >= 0
            ? found
            : throw new DataFormatException(path, first.Line, $"the {role} column '{column}' is not in the header: expected one of {DelimitedColumns.ListHeader(header)}");
    }

    /// <summary>A column found by its header name must be the only one of that name: reading the first would silently drop the other.</summary>
    private static void RequireOneColumnNamed(string path, DelimitedRecord first, string[] header, string role, int? index, string? column)
    {
        if (index is not { } found || column is not null && DelimitedColumns.TryParseIndex(column, out _))
            return;
        var named = Enumerable.Range(0, header.Length).Where(i => DelimitedColumns.IsNamed(header[i], header[found])).ToList();
        if (named.Count > 1)
        {
            throw new DataFormatException(path, first.Line,
                $"the header names the {role} column '{header[found].Trim()}' {named.Count} times (columns {string.Join(", ", named[..^1])} and {named[^1]}): expected one column of that name; rename the others or give the {role} column's 0-based index");
        }
    }

    private static int DefaultLabel(string path, DelimitedRecord first, string[]? header)
    {
        var found = FindDefaultLabel(first.Fields, header);
        if (found >= 0)
            return found;
        throw new DataFormatException(path, first.Line, header is not null
            ? $"no label column is given and the header has none named {string.Join(" or ", DelimitedHeaderRule.LabelNames)}: set the label column (LabelColumn); the header is {DelimitedColumns.ListHeader(header)}"
            : $"no label column is given and {LabelCandidates(first.Fields).Count} fields of the first row hold a label value: set the label column (LabelColumn)",
            nameof(DelimitedFileOptions.LabelColumn));
    }

    /// <summary>With a header, the column named label or sentiment; without one, the only field holding a label value; else -1.</summary>
    private static int FindDefaultLabel(string[] fields, string[]? header) => header is not null
        ? DelimitedColumns.FindAnyName(header, DelimitedHeaderRule.LabelNames)
        : LabelCandidates(fields) is [var only] ? only : -1;

    private static List<int> LabelCandidates(string[] fields) =>
        [.. Enumerable.Range(0, fields.Length).Where(i => ReviewLabel.TryParse(fields[i], out _))];

    private static int DefaultText(string path, DelimitedRecord first, string[]? header, int? labelIndex)
    {
        if (first.Fields.Length == 1 && labelIndex is null)
            return 0;
        if (first.Fields.Length == 2 && labelIndex is { } label)
            return 1 - label;
        var named = header is null ? -1 : DelimitedColumns.FindAnyName(header, DelimitedHeaderRule.TextNames);
        return named >= 0
            ? named
            : throw new DataFormatException(path, first.Line,
                $"no text column is given and the record has {Plural.Of(first.Fields.Length, "field")}: set the text column (TextColumn; the default is the only column, the other column of a label and a text, or a header column named {string.Join(" or ", DelimitedHeaderRule.TextNames)})",
                nameof(DelimitedFileOptions.TextColumn));
    }

    private static string Describe(int index, string[]? header) => header is null ? $"column {index}" : $"column '{header[index]}'";
}
