import type { ExtraMessages } from '../messages.ts';

/** Polish texts of the panel's extras; counts take one, few or many forms ("2 nowe", "5 nowych"). */
export default {
  joinLead: 'Podaj swój e-mail i od razu odbierz swój link.',
  emailLabel: 'E-mail',
  nameLabel: 'Imię (opcjonalnie)',
  join: 'Odbierz link',
  joinExists: 'Ten e-mail już bierze udział w programie: zaloguj się w sklepie, aby zobaczyć swój link.',
  joinInvalid: 'Sprawdź adres e-mail.',
  joinDisposable: 'Podaj swój stały adres e-mail, nie jednorazowy.',
  joinFailed: 'Nie udało się. Spróbuj ponownie później.',
  unconfirmed: 'Twoje nagrody czekają na weryfikację, dopóki sklep nie potwierdzi Twojego konta.',
  newRewards: { one: '{count} nowa nagroda', few: '{count} nowe nagrody', many: '{count} nowych nagród', other: '{count} nowej nagrody' },
  nextBonus: {
    one: '{count} z {target} znajomego do kolejnego bonusu',
    few: '{count} z {target} znajomych do kolejnego bonusu',
    many: '{count} z {target} znajomych do kolejnego bonusu',
    other: '{count} z {target} znajomego do kolejnego bonusu',
  },
  nextTier: {
    one: 'Poziom {tier} od {target} znajomego',
    few: 'Poziom {tier} od {target} znajomych',
    many: 'Poziom {tier} od {target} znajomych',
    other: 'Poziom {tier} od {target} znajomego',
  },
  currentTier: 'Twój poziom: {tier}',
  splitLabel: 'Podziel się nagrodą ze znajomymi',
  splitOption: '{percent}% dla znajomego',
  splitSaved: 'Zapisano',
  leaderboardTitle: 'Najlepsi polecający',
  leaderboardFriends: { one: '{count} znajomy', few: '{count} znajomych', many: '{count} znajomych', other: '{count} znajomego' },
} satisfies ExtraMessages;
