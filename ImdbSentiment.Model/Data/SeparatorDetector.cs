namespace ImdbSentiment.Model.Data;

/// <summary>Guesses the separator of a delimited file from its first line.</summary>
internal static class SeparatorDetector
{
    /// <summary>Detects the separator from the first non-blank line of a file.</summary>
    /// <exception cref="DataFormatException">The file has no line that is not blank.</exception>
    public static char DetectInFile(string path)
    {
        using var reader = DelimitedRecordReader.OpenText(path);
        string? line;
        do
            line = reader.ReadLine();
        while (line is "");
        return line is null ? throw new DataFormatException(path, null, "the file is empty: expected delimited rows") : Detect(line);
    }

    /// <summary>
    /// Counts tabs, commas and semicolons outside quotes: a tab wins if there is one (review text rarely holds
    /// tabs), else a semicolon if there are more semicolons than commas, else a comma.
    /// </summary>
    public static char Detect(string firstLine)
    {
        int tabs = 0, commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in firstLine)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case '\t' when !quoted: tabs++; break;
                case ',' when !quoted: commas++; break;
                case ';' when !quoted: semicolons++; break;
            }
        }
        return tabs > 0 ? '\t' : semicolons > commas ? ';' : ',';
    }
}
