namespace ImdbSentiment.Model.Data;

/// <summary>Guesses the separator of a delimited file from its first line.</summary>
public static class SeparatorDetector
{
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
