import type { Messages } from '../messages.ts';

/** Polish: its own chunk, loaded only for Polish pages. Numbers take one, few or many forms. */
export default {
  lang: 'pl',
  title: 'Poleć znajomemu',
  friendsGet: 'Twoi znajomi dostaną {percent}% zniżki',
  linkLabel: 'Twój link polecający',
  codeLabel: 'Twój kod polecający',
  copyLink: 'Kopiuj link',
  copyCode: 'Kopiuj kod',
  copied: 'Skopiowano!',
  copyFailed: 'Nie udało się skopiować',
  shareNative: 'Udostępnij',
  shareEmail: 'E-mail',
  shareTitle: '{percent}% zniżki w {program}',
  shareText: 'Robię zakupy w {program} i myślę, że Tobie też się spodoba. Oto {percent}% zniżki na Twoje zamówienie:',
  // 1 kliknięcie, 3 kliknięcia, 5 kliknięć (and 1,5 kliknięcia).
  clicks: { one: 'kliknięcie', few: 'kliknięcia', many: 'kliknięć', other: 'kliknięcia' },
  friendsBought: { one: 'znajomy kupił', few: 'znajomi kupili', many: 'znajomych kupiło', other: 'znajomego kupiło' },
  rewards: 'Twoje nagrody',
  noRewards: 'Nie masz jeszcze nagród: pojawią się tutaj, gdy znajomy kupi coś z Twojego linku.',
  status: {
    pending: 'Oczekuje',
    approved: 'Zatwierdzona',
    paid: 'Wypłacona',
    voided: 'Anulowana',
    held: 'Wstrzymana',
    rejected: 'Odrzucona',
  },
  reason: {
    own_purchase: 'Twój własny zakup',
    not_eligible: 'niespełnione warunki',
    under_review: 'w trakcie weryfikacji',
    order_refunded: 'zamówienie zwrócone',
  },
  introTitle: 'Opowiedz znajomym o {program}',
  introText:
    'Po pierwszym zakupie dostaniesz osobisty link: Twoi znajomi otrzymają zniżkę, a Ty nagrodę za każdego znajomego, który coś kupi.',
  offer: '{name} daje Ci {percent}% zniżki',
  min: 'przy zamówieniu od',
  until: 'do',
  offerCode: 'Użyj tego kodu przy składaniu zamówienia:',
  offerLabel: 'Oferta dla znajomego',
  close: 'Zamknij',
  dismiss: 'Ukryj',
} satisfies Messages;
