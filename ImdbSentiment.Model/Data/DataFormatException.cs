namespace ImdbSentiment.Model.Data;

/// <summary>Input data that cannot be read as asked; the message names the file, the line and what was expected.</summary>
public sealed class DataFormatException : Exception
{
    /// <param name="setting">The options property (e.g. LabelColumn) that would resolve the problem, named in the message; null for none.</param>
    public DataFormatException(string filePath, long? line, string problem, string? setting = null)
        : base(line is null ? $"{filePath}: {problem}" : $"{filePath}, line {line}: {problem}")
    {
        FilePath = filePath;
        Line = line;
        Setting = setting;
    }

    public string FilePath { get; }

    /// <summary>1-based line where the offending record starts, when the problem belongs to one.</summary>
    public long? Line { get; }

    /// <summary>The options property the message names as the fix, so that a front end can name its own control for it instead.</summary>
    public string? Setting { get; }
}
