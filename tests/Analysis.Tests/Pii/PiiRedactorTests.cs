using QualityVoice.Analysis.Pii;

namespace QualityVoice.Analysis.Tests.Pii;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("My NHS number is 943 476 5919.", "My NHS number is [NHS number].")]
    [InlineData("NHS no 9434765919 please", "NHS no [NHS number] please")]
    [InlineData("ref 943-476-5919", "ref [NHS number]")]
    [InlineData("(943-476-5919)", "([NHS number])")]
    [InlineData("write to mary_o'neill@example.com!", "write to [email address]!")]
    [InlineData("Call 07700 900123 any time", "Call [phone number] any time")]
    [InlineData("Call 07700900123", "Call [phone number]")]
    [InlineData("ring (0191) 233 6161 today", "ring [phone number] today")]
    [InlineData("ring 0191 233 6161 today", "ring [phone number] today")]
    [InlineData("on +44 7700 900123 or", "on [phone number] or")]
    [InlineData("on +44 (0)20 7946 0958 or", "on [phone number] or")]
    [InlineData("020-7946-0958", "[phone number]")]
    [InlineData("email jo.bloggs+nhs@example.co.uk now", "email [email address] now")]
    [InlineData("I live at NE1 4LP near", "I live at [postcode] near")]
    [InlineData("postcode sw1a1aa", "postcode [postcode]")]
    [InlineData("NI number QQ 12 34 56 C", "NI number [National Insurance number]")]
    [InlineData("my DOB is 12/03/1985", "my DOB is [date of birth]")]
    [InlineData("date of birth: 3rd March 1950", "date of birth: [date of birth]")]
    [InlineData("born on 1 January 2001.", "born on [date of birth].")]
    [InlineData("Dr Patel was great", "Dr [name] was great")]
    [InlineData("thank you Nurse Jane Smith and the team", "thank you Nurse [name] and the team")]
    [InlineData("Sister O'Neill helped", "Sister [name] helped")]
    [InlineData("Mrs Brown and Mr. Green", "Mrs [name] and Mr. [name]")]
    [InlineData("my consultant Mark Evans explained", "my consultant [name] explained")]
    [InlineData("a nurse called Sarah held my hand", "a nurse called [name] held my hand")]
    [InlineData("thank you to Claire and Ahmed from the district nursing team", "thank you to [name] from the district nursing team")]
    [InlineData("Ask for Mohammed in the pharmacy, he sorted it", "Ask for [name] in the pharmacy, he sorted it")]
    [InlineData("Thanks Priya, Tom & Dev Patel for everything", "Thanks [name] for everything")]
    [InlineData("I was seen by Sister Jones and she was kind", "I was seen by Sister [name] and she was kind")]
    [InlineData("special mention to Bernadette McAllister-Wright", "special mention to [name]")]
    [InlineData("I live at 14 Acacia Avenue, Leeds", "I live at [address], Leeds")]
    [InlineData("send it to Flat 2, 3a Mill Lane please", "send it to Flat 2, [address] please")]
    [InlineData("the nurses Priya and Tom Okafor were kind", "the nurses [name] were kind")]
    public void Personal_information_is_replaced_by_its_type(string text, string redacted)
    {
        Assert.Equal(redacted, PiiRedactor.Redact(text).RedactedText);
    }

    [Theory]
    [InlineData("I waited 10 minutes")]
    [InlineData("on ward 12 in bay 4")]
    [InlineData("I give it 2 out of 10")]
    [InlineData("over 3 hours, from 10:30 to 13:45")]
    [InlineData("on 21/09/2021 I was at the hospital")]
    [InlineData("the nurse was kind and Dr was quick")]
    [InlineData("999 call took 45 minutes, 111 was better")]
    [InlineData("Staff were excellent. Thank You")]
    [InlineData("1234567890")]
    [InlineData("the A&E department on level 2")]
    [InlineData("aged 85 and 1 in 4 patients")]
    [InlineData("Thank you NHS, thank you to Everyone on Ward 7")]
    [InlineData("I spoke to Reception and then the Pharmacy")]
    [InlineData("I waited 3 hours on the road and 2 hours in the Main Street clinic")]
    [InlineData("thank you so much. I was seen by the GP")]
    [InlineData("I asked to see a nurse. What a wait")]
    [InlineData("As a paramedic I'm sending crews out without enough kit")]
    [InlineData("You said parking was hard: we spoke to Estates and Facilities, and there are 40 more spaces")]
    [InlineData("Seen by Cardiology within a week, and thanks to Orthopaedics and the Podiatrists")]
    [InlineData("The team (nurse, OT and physio) were excellent")]
    [InlineData("If the Dr is going to ask for OBS such as blood pressure")]
    public void Ordinary_numbers_and_words_stay(string text)
    {
        var (redacted, spans) = PiiRedactor.Redact(text);

        Assert.Equal(text, redacted);
        Assert.Empty(spans);
    }

    [Fact]
    public void An_nhs_number_with_a_wrong_check_digit_is_not_an_nhs_number()
    {
        Assert.Equal("number 943 476 5918", PiiRedactor.Redact("number 943 476 5918").RedactedText);
    }

    [Fact]
    public void Spans_give_type_and_position_in_the_original_text()
    {
        var text = "😊 Call 07700 900123, NHS 943 476 5919";

        var (_, spans) = PiiRedactor.Redact(text);

        Assert.Equal([new PiiSpan(PiiTypes.PhoneNumber, 8, 12), new PiiSpan(PiiTypes.NhsNumber, 26, 12)], spans);
        Assert.Equal("07700 900123", text.Substring(8, 12));
    }

    [Fact]
    public void Finds_from_another_recogniser_are_merged_without_overlaps()
    {
        var text = "Mary Jones at 943 476 5919";

        var (redacted, spans) = PiiRedactor.Redact(text, [new PiiSpan(PiiTypes.Name, 0, 10), new PiiSpan(PiiTypes.NhsNumber, 14, 12)]);

        Assert.Equal("[name] at [NHS number]", redacted);
        Assert.Equal(2, spans.Count);
    }

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("4010232137", true)]
    [InlineData("1234567881", true)]
    [InlineData("123456789", false)]
    public void The_nhs_number_check_digit_is_modulus_11(string digits, bool valid)
    {
        Assert.Equal(valid, NhsNumber.IsValid(digits));
    }
}
