namespace QualityVoice.Analysis.Pii;

/// <summary>The NHS number's check digit: modulus 11 over the first nine digits, weighted 10 down to 2.</summary>
public static class NhsNumber
{
    /// <summary>Whether ten digits form a valid NHS number.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && char.IsAsciiDigit(digits[9]) && digits[9] - '0' == check;
    }
}
