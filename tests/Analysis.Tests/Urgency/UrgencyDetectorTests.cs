using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Analysis.Tests.Urgency;

public sealed class UrgencyDetectorTests
{
    [Theory]
    [InlineData("I have thought about ending my life and want to kill myself", "suicide or self-harm")]
    [InlineData("Since then I have been thinking of ending my life", "suicide or self-harm")]
    [InlineData("I keep thinking about killing myself", "suicide or self-harm")]
    [InlineData("I am scared my son will end his own life", "suicide or self-harm")]
    [InlineData("She took an overdose last week", "suicide or self-harm")]
    [InlineData("my son has been self-harming again", "suicide or self-harm")]
    [InlineData("He could have died waiting for the ambulance", "risk to life")]
    [InlineData("dad collapsed and was unconscious on the floor", "risk to life")]
    [InlineData("a carer slapped my mother", "abuse")]
    [InlineData("mum had bruises after being restrained", "restraint or seclusion")]
    [InlineData("Dad was left in soiled sheets all night and developed pressure sores", "neglect")]
    [InlineData("she was not fed for two days", "neglect")]
    [InlineData("this is a safeguarding issue for a vulnerable adult", "safeguarding")]
    [InlineData("the porter touched me inappropriately", "sexual misconduct")]
    [InlineData("they gave him the wrong medication and he was very ill", "medication or clinical error")]
    [InlineData("she missed her insulin twice", "medication or clinical error")]
    [InlineData("staff are afraid to speak up and were told to keep quiet", "closed culture")]
    [InlineData("managers covered up the incident", "closed culture")]
    [InlineData("I'm going to die if nobody listens to me", "risk to life")]
    [InlineData("he tied a ligature in the bathroom", "suicide or self-harm")]
    [InlineData("the staff neglected my nan for days", "neglect")]
    [InlineData("the manager tried to intimidate me", "abuse")]
    [InlineData("he was kept in seclusion for three days", "restraint or seclusion")]
    [InlineData("there were bruises on her arms and no explanation", "abuse")]
    public void Each_category_is_flagged_with_its_reason(string text, string reason)
    {
        var (urgent, reasons) = UrgencyDetector.Detect(text);

        Assert.True(urgent);
        Assert.Contains(reason, reasons);
    }

    [Theory]
    [InlineData("The staff were lovely and the food was good")]
    [InlineData("I waited 4 hours in A&E")]
    [InlineData("Parking was difficult")]
    [InlineData("")]
    [InlineData("I was worried I was going to die of boredom in the waiting room")]
    [InlineData("The new anti-ligature bathrooms on the ward look good")]
    [InlineData("Nobody neglected my nan, the staff were always popping in to see her")]
    [InlineData("The small group made it easier to ask questions without feeling intimidated")]
    [InlineData("They explained the seclusion policy to us when my son was admitted")]
    [InlineData("The nurse took my blood first time with no bruising")]
    [InlineData("My injections are done without any bruising now")]
    public void Everyday_comments_are_not_urgent(string text)
    {
        Assert.False(UrgencyDetector.Detect(text).Urgent);
    }

    [Theory]
    [InlineData("Faced with a life threatening situation, the 30 minute wait was worrying", "risk to life")]
    [InlineData("Waiting hours for an ambulance is life-threatening", "risk to life")]
    [InlineData("the life threatening wait was bad enough but then a porter threatened me", "risk to life", "abuse")]
    [InlineData("I felt my life threatened by the man in the next bed", "abuse")]
    public void A_life_threatening_situation_is_a_risk_to_life_and_a_threat_to_someone_is_abuse(string text, params string[] reasons)
    {
        // Four comments of the public data said "life threatening" and were tagged abuse as well, from "threatening".
        Assert.Equal(reasons, UrgencyDetector.Detect(text).Reasons);
    }

    [Theory]
    [InlineData("I nearly died laughing at the price of the parking", "The porter was so rough I nearly died of my injuries")]
    [InlineData("I thought I was going to die from fright when the alarm went off", "I'm going to die if nobody listens to me")]
    [InlineData("I was starving by the time the sandwiches came round", "They left her starving for two days")]
    [InlineData("I'd rather starve than eat that lasagne", "she was starved on that ward")]
    [InlineData("People abusing the system make the waits longer for everyone", "The night carer abused my dad")]
    [InlineData("The noise in the waiting room was an assault on the senses", "She was assaulted in the shower room")]
    [InlineData("I hurt my back lifting the shopping and the physio sorted it out", "a nurse hurt my mum when she turned her")]
    [InlineData("Mum fell and hit her head, the ambulance came quickly", "A carer hit her across the face")]
    [InlineData("The rehab staff pushed me hard and I am walking again", "He pushed me against the wall")]
    [InlineData("The doctor rewrote my care plan with me and it is much clearer", "The notes were rewritten after the fall")]
    [InlineData("They kept me covered up with a blanket so I had some dignity", "The manager covered up the incident")]
    [InlineData("My follow-up is tied to the appointment at the main hospital", "Dad was tied to his chair with a sheet")]
    [InlineData("The crew strapped me into the ambulance chair and off we went", "He was strapped to a chair for hours")]
    [InlineData("The nurse explained that the restraint training is about keeping everyone safe", "Four staff restrained him on the floor")]
    [InlineData("The carers help mum with her personal grooming every morning", "I think a man at the day centre is grooming my son")]
    public void Ordinary_uses_of_alarming_words_are_not_flagged_and_the_harm_still_is(string ordinary, string harm)
    {
        // Found by reading what such words mean in everyday speech; the fast analyzer and Azure AI Language flag by the
        // lexicon alone, and for the default model it is a floor no classifier overrules (docs/clinical-safety.md C1.3).
        Assert.False(UrgencyDetector.Detect(ordinary).Urgent);
        Assert.True(UrgencyDetector.Detect(harm).Urgent);
    }
}
