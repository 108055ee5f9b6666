namespace ImdbSentiment.Model.Data;

/// <summary>Input data that cannot be read as asked; the message names the file, the line and what was expected.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string filePath, long? line, string problem)
        : base(line is null ? $"{filePath}: {problem}" : $"{filePath}, line {line}: {problem}")
    {
        FilePath = filePath;
        Line = line;
    }

    public string FilePath { get; }

    /// <summary>1-based line where the offending record starts, when the problem belongs to one.</summary>
    public long? Line { get; }
}
