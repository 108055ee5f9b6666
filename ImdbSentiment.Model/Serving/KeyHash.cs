namespace ImdbSentiment.Model.Serving;

/// <summary>The slot of an n-gram key in a table of 2^(64 - hashShift) slots.</summary>
internal static class KeyHash
{
    // Fibonacci hashing: the multiply spreads the word ids' bits over the high bits the slot is taken from, so the top
    // bits alone name a region of the table.
    public static int Slot(long key, int hashShift) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> hashShift);
}
