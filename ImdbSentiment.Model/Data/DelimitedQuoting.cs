namespace ImdbSentiment.Model.Data;

/// <summary>How a delimited file's double quotes are read. Unless told, a tab-separated file is read <see cref="Lenient"/>, any other <see cref="Rfc4180"/>.</summary>
public enum DelimitedQuoting
{
    /// <summary>
    /// A field that begins with a quote is quoted: it may hold separators, line breaks and doubled quotes (""), and its
    /// closing quote must end the field. A quote inside an unquoted field is a plain character. Malformed quoting stops
    /// the read, because the record boundaries after it cannot be trusted.
    /// </summary>
    Rfc4180,

    /// <summary>
    /// A quote at a field's start quotes it only when the whole field is a complete quoted field (its closing quote followed
    /// by the separator, a line break or the end of the file, within <see cref="RecordLimit.MaxLength"/>); otherwise the
    /// field is plain text up to the next separator or line break, quotes included. Files that quote as RFC 4180 read the
    /// same, and exports that do not quote (a review beginning "Kung Fu Panda" in quotes) read as they are.
    /// </summary>
    Lenient,

    /// <summary>Every quote is a plain character: a field ends at the next separator or line break.</summary>
    None,
}

/// <summary>The names of <see cref="DelimitedQuoting"/> values on the command line.</summary>
internal static class DelimitedQuotingNames
{
    public static NameTable<DelimitedQuoting> Table { get; } =
        new((DelimitedQuoting.Rfc4180, "rfc4180"), (DelimitedQuoting.Lenient, "lenient"), (DelimitedQuoting.None, "none"));

    /// <summary>The quoting a file is read with unless told: lenient for tab-separated files, which often do not quote.</summary>
    public static DelimitedQuoting Default(char separator) => separator == '\t' ? DelimitedQuoting.Lenient : DelimitedQuoting.Rfc4180;
}
