import type { Messages } from '../messages.ts';

/** Russian: its own chunk, loaded only for Russian pages. Numbers take one, few or many forms. */
export default {
  lang: 'ru',
  title: 'Пригласите друга',
  friendsGet: 'Ваши друзья получат скидку {percent}%',
  linkLabel: 'Ваша реферальная ссылка',
  codeLabel: 'Ваш реферальный код',
  copyLink: 'Копировать ссылку',
  copyCode: 'Копировать код',
  copied: 'Скопировано!',
  copyFailed: 'Не удалось скопировать',
  shareNative: 'Поделиться',
  shareEmail: 'Письмо',
  shareTitle: 'Скидка {percent}% в {program}',
  shareText: 'Я покупаю в {program} и думаю, вам тоже понравится. Вот скидка {percent}% на ваш заказ:',
  // 1 переход, 3 перехода, 5 переходов (and 1,5 перехода).
  clicks: { one: 'переход', few: 'перехода', many: 'переходов', other: 'перехода' },
  friendsBought: { one: 'друг купил', few: 'друга купили', many: 'друзей купили', other: 'друга купили' },
  rewards: 'Ваши вознаграждения',
  noRewards: 'Вознаграждений пока нет: они появятся здесь, когда друг купит по вашей ссылке.',
  status: {
    pending: 'Ожидает',
    approved: 'Одобрено',
    paid: 'Выплачено',
    voided: 'Аннулировано',
    held: 'На проверке',
    rejected: 'Отклонено',
  },
  reason: {
    own_purchase: 'ваша собственная покупка',
    not_eligible: 'не соответствует условиям',
    under_review: 'на рассмотрении',
    order_refunded: 'заказ возвращён',
  },
  introTitle: 'Расскажите друзьям о {program}',
  introText:
    'После первой покупки вы получите личную ссылку: ваши друзья получат скидку, а вы — вознаграждение за каждого друга, который сделает покупку.',
  offer: '{name} дарит вам скидку {percent}%',
  min: 'при заказе от',
  until: 'до',
  offerCode: 'Введите этот код при оформлении заказа:',
  offerLabel: 'Предложение для друга',
  close: 'Закрыть',
  dismiss: 'Скрыть',
} satisfies Messages;
