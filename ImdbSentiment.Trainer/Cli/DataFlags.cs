using System.CommandLine;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>The flags that say how to read a data set, shared by train and evaluate (names follow the mlnet CLI).</summary>
internal sealed class DataFlags
{
    public Option<string> Dataset { get; } = new("--dataset")
    {
        Description = "An aclImdb folder or .tar.gz (train uses train/, test/ when present is the test set), or a CSV/TSV file.",
    };

    public Option<string?> LabelColumn { get; } = new("--label-col") { Description = "Label column: a header name or a 0-based index (default: 'label'/'sentiment', or the only column holding labels)." };

    public Option<string?> TextColumn { get; } = new("--text-col") { Description = "Text column: a header name or a 0-based index (default: the other column of two, or 'text'/'review')." };

    public Option<string?> GroupColumn { get; } = new("--group-col") { Description = "Group column (e.g. the movie): a header name or a 0-based index; with --split-by movie or --dev-test, each group stays on one side." };

    public Option<bool?> HasHeader { get; } = new("--has-header") { Description = "Whether the first row names the columns: true or false (default: detected)." };

    public Option<string?> Separator { get; } = new("--separator") { Description = "comma, tab or semicolon (default: detected from the first line)." };

    public Option<string?> Quoting { get; } = QuotingOption.Create();

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows")
    {
        Description = "Skip and count rows with a wrong field count, an unknown label, an empty text or over the 1 MiB record limit instead of failing.",
    };

    public DataFlags(bool datasetRequired)
    {
        Dataset.Required = datasetRequired;
        foreach (var column in new[] { LabelColumn, TextColumn, GroupColumn })
            RefuseNegativeIndex(column);
        Separator.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !SeparatorNames.TryParse(value, out _))
                result.AddError($"--separator '{value}' is not a separator: expected comma, tab or semicolon.");
        });
    }

    /// <summary>A column given as "-1" would otherwise be looked for as a header name, and the error would blame the file.</summary>
    public static void RefuseNegativeIndex(Option<string?> column) => column.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<string?>() is { } value && value.Trim() is ['-', .. var digits] && digits.Length > 0 && digits.All(char.IsAsciiDigit))
            result.AddError($"{column.Name} {value}: column indexes count from 0: expected a header name or an index of 0 or more");
    });

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(LabelColumn);
        command.Options.Add(TextColumn);
        command.Options.Add(GroupColumn);
        command.Options.Add(HasHeader);
        command.Options.Add(Separator);
        command.Options.Add(Quoting);
        command.Options.Add(SkipBadRows);
    }

    public DelimitedFileOptions DelimitedOptions(ParseResult parse) => new()
    {
        LabelColumn = parse.GetValue(LabelColumn),
        TextColumn = parse.GetValue(TextColumn),
        GroupColumn = parse.GetValue(GroupColumn),
        HasHeader = parse.GetValue(HasHeader),
        Separator = parse.GetValue(Separator) is { } separator ? SeparatorNames.Parse(separator) : null,
        Quoting = QuotingOption.Parse(parse.GetValue(Quoting)),
        SkipBadRows = parse.GetValue(SkipBadRows),
    };
}
